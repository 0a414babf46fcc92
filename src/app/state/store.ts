import { temporal } from 'zundo';
import { create, useStore } from 'zustand';
import mobileBanking from '../../../scenarios/mobile-banking.json';
import type {
  ComponentDoc,
  ComponentKind,
  DependencyDoc,
  JourneyDoc,
  ScenarioDoc,
  SharedEventDoc,
} from '../../engine';
import { browserStorage, readAutosave } from '../persistence/autosave';
import { initialScenario } from '../persistence/initial-scenario';
import * as edits from './edits';
import { withAutoLayout } from './layout';

/** What the side panel edits: a component by id, a dependency by its index, or nothing. */
export type Selection =
  { kind: 'component'; id: string } | { kind: 'dependency'; index: number } | null;

/** A message for the user about their last action, such as a refused cycle. */
export interface Notice {
  tone: 'error' | 'info';
  text: string;
}

/** The editor's state and actions. Actions read the state, call a pure edit and write it back. */
export interface EditorState {
  /** The document as edited; it may be invalid and is never thrown away. */
  doc: ScenarioDoc;
  /** Grows by one on every change of `doc`: edits, undo, redo and replacing it. */
  revision: number;
  selection: Selection;
  notice: Notice | null;
  /** Ids of the components to highlight, such as those a hovered event hits. */
  highlighted: string[];
  /** Grows by one whenever another scenario is opened, for the canvas to zoom to fit it. */
  opened: number;

  /** Adds a component of `kind` at a canvas position and returns its new id. */
  addComponent(kind: ComponentKind, position: { x: number; y: number }): string;
  /** Adds the dependency `from → to` (caller → callee); false, with a notice, if refused. */
  connect(from: string, to: string): boolean;
  /** Replaces a component; a different `component.id` renames it everywhere. */
  updateComponent(id: string, component: ComponentDoc): void;
  updateDependency(index: number, dependency: DependencyDoc): void;
  /** Stores where a component was dropped; call once per drag, at its end. */
  moveComponent(id: string, position: { x: number; y: number }): void;
  /** Deletes the selected component (with its dependencies) or dependency. */
  deleteSelection(): void;
  addEvent(): void;
  updateEvent(index: number, event: SharedEventDoc): void;
  removeEvent(index: number): void;
  addJourney(): void;
  updateJourney(index: number, journey: JourneyDoc): void;
  removeJourney(index: number): void;
  /** Changes trials and seed; a key given as undefined is removed. */
  setRun(run: { trials?: number; seed?: string }): void;
  setWindow(window: string): void;
  setScenarioInfo(info: { name?: string; description?: string }): void;
  /** Opens another scenario (file, menu, link) as one undoable step, laid out if needed. */
  replaceScenario(doc: ScenarioDoc): void;
  select(selection: Selection): void;
  setHighlighted(ids: string[]): void;
  dismissNotice(): void;
}

/** How many edits undo can go back. */
export const UNDO_LIMIT = 100;

/** The scenario a first-time visitor sees; a test checks that it validates. */
export const DEFAULT_SCENARIO = mobileBanking as unknown as ScenarioDoc;

type SetState = (partial: Partial<EditorState>) => void;
type GetState = () => EditorState;
/** Applies a pure edit to the document, with other changes of state alongside. */
type Edit = (change: (doc: ScenarioDoc) => ScenarioDoc, extra?: Partial<EditorState>) => void;

/**
 * Creates an editor store holding `doc`, with an undo history of the document alone (selection,
 * notices and highlights are not undo steps). Tests create their own; the app uses `useEditor`.
 */
export function createEditorStore(doc: ScenarioDoc, notice: Notice | null = null) {
  const store = create<EditorState>()(
    temporal((set, get) => actions(set, get, withAutoLayout(doc), notice), {
      partialize: (state) => ({ doc: state.doc }),
      equality: (past, current) => past.doc === current.doc,
      limit: UNDO_LIMIT,
    }),
  );

  // Undo and redo write the document alone; this keeps the rest in step with it.
  store.subscribe((state, previous) => {
    if (state.doc === previous.doc || state.revision !== previous.revision) return;
    store.setState({
      revision: previous.revision + 1,
      selection: existingSelection(state.doc, state.selection),
    });
  });
  return store;
}

/** An editor store as made by `createEditorStore`, such as `useEditor`. */
export type EditorStore = ReturnType<typeof createEditorStore>;

function actions(
  set: SetState,
  get: GetState,
  doc: ScenarioDoc,
  notice: Notice | null,
): EditorState {
  const edit: Edit = (change, extra = {}) => {
    const { doc, revision } = get();
    const next = change(doc);
    set(next === doc ? extra : { doc: next, revision: revision + 1, ...extra });
  };

  return {
    doc,
    revision: 0,
    selection: null,
    notice,
    highlighted: [],
    opened: 0,

    addComponent(kind, position) {
      const added = edits.addComponent(get().doc, kind, position);
      edit(() => added.doc);
      return added.id;
    },
    connect(from, to) {
      const result = edits.connect(get().doc, from, to);
      if (!('doc' in result)) {
        set({ notice: connectNotice(from, to, result) });
        return false;
      }
      edit(() => result.doc, { notice: null });
      return true;
    },
    updateComponent: (id, component) => updateComponent(get, edit, id, component),
    updateDependency: (index, dependency) =>
      edit((doc) => edits.updateDependency(doc, index, dependency)),
    moveComponent: (id, position) => edit((doc) => edits.moveComponent(doc, id, position)),
    deleteSelection: () => deleteSelection(get, edit),
    addEvent: () => edit(edits.addEvent),
    updateEvent: (index, event) => edit((doc) => edits.updateEvent(doc, index, event)),
    removeEvent: (index) => edit((doc) => edits.removeEvent(doc, index)),
    addJourney: () => edit(edits.addJourney),
    updateJourney: (index, journey) => edit((doc) => edits.updateJourney(doc, index, journey)),
    removeJourney: (index) => edit((doc) => edits.removeJourney(doc, index)),
    setRun: (run) => edit((doc) => edits.setRun(doc, run)),
    setWindow: (window) => edit((doc) => edits.setWindow(doc, window)),
    setScenarioInfo: (info) => edit((doc) => edits.setScenarioInfo(doc, info)),
    replaceScenario: (doc) =>
      edit(() => withAutoLayout(doc), {
        selection: null,
        notice: null,
        highlighted: [],
        opened: get().opened + 1,
      }),
    select: (selection) => set({ selection }),
    setHighlighted: (highlighted) => set({ highlighted }),
    dismissNotice: () => set({ notice: null }),
  };
}

/** Updates a component, refusing (with a notice) to rename it to an id that is taken. */
function updateComponent(get: GetState, edit: Edit, id: string, component: ComponentDoc): void {
  const taken = component.id !== id && edits.findComponent(get().doc, component.id);
  const { selection } = get();

  if (taken) {
    const text = `There is already a component "${component.id}": ids must be unique.`;
    const kept = { ...component, id };
    edit((doc) => edits.updateComponent(doc, id, kept), { notice: { tone: 'error', text } });
    return;
  }
  const selected = selection?.kind === 'component' && selection.id === id;
  const follow: Partial<EditorState> = selected
    ? { selection: { kind: 'component', id: component.id } }
    : {};
  edit((doc) => edits.updateComponent(doc, id, component), follow);
}

/** Deletes the selected component (with its dependencies) or dependency. */
function deleteSelection(get: GetState, edit: Edit): void {
  const { selection, highlighted } = get();

  if (selection?.kind === 'component') {
    const left = highlighted.filter((id) => id !== selection.id);
    edit((doc) => edits.removeComponent(doc, selection.id), { selection: null, highlighted: left });
  }
  if (selection?.kind === 'dependency') {
    edit((doc) => edits.removeDependency(doc, selection.index), { selection: null });
  }
}

/** Why a connection was refused, for the user. */
function connectNotice(from: string, to: string, refused: edits.ConnectResult): Notice {
  if ('duplicate' in refused) return { tone: 'info', text: `${from} already calls ${to}.` };
  if ('unknown' in refused)
    return { tone: 'error', text: `Unknown component "${refused.unknown}".` };
  if (from === to) return { tone: 'error', text: `${from} cannot depend on itself.` };

  const cycle = 'cycle' in refused ? refused.cycle.join(' → ') : '';
  const text = `Cannot connect ${from} to ${to}: it would make the cycle ${cycle}.`;
  return { tone: 'error', text };
}

/** The selection if what it points to still exists in `doc`, else null. */
function existingSelection(doc: ScenarioDoc, selection: Selection): Selection {
  if (selection?.kind === 'component' && !edits.findComponent(doc, selection.id)) return null;
  if (selection?.kind === 'dependency' && selection.index >= (doc.dependencies ?? []).length) {
    return null;
  }
  return selection;
}

/**
 * The scenario the page opens with (see `initialScenario`); outside a browser, the default.
 */
function startingScenario(): { doc: ScenarioDoc; notice: Notice | null } {
  if (typeof window === 'undefined') return { doc: DEFAULT_SCENARIO, notice: null };

  const start = initialScenario({
    hash: window.location.hash,
    saved: readAutosave(browserStorage()),
    fallback: DEFAULT_SCENARIO,
  });
  const notice = start.problem ? { tone: 'error' as const, text: start.problem } : null;
  return { doc: start.doc, notice };
}

const starting = startingScenario();

/** The app's editor store. */
export const useEditor = createEditorStore(starting.doc, starting.notice);

/** Undoes the last edit of the document. */
export function undo(): void {
  useEditor.temporal.getState().undo();
}

/** Redoes the last undone edit. */
export function redo(): void {
  useEditor.temporal.getState().redo();
}

/** Whether there is an edit to undo. */
export function useCanUndo(): boolean {
  return useStore(useEditor.temporal, (state) => state.pastStates.length > 0);
}

/** Whether there is an undone edit to redo. */
export function useCanRedo(): boolean {
  return useStore(useEditor.temporal, (state) => state.futureStates.length > 0);
}
