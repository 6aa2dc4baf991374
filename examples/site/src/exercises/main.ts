/**
 * The exercises page: the six exercises of examples/exercises/ with an editor (CodeMirror 6), a check that
 * runs the checker of `npm run exercise -- N` on the code in the editor (run.ts, loaded on the first check:
 * it brings the TypeScript transpiler), the worked solution behind a button, and the code and progress kept
 * in localStorage.
 */
import { javascript } from '@codemirror/lang-javascript';
import { EditorView, basicSetup } from 'codemirror';
import { EXERCISES } from '../../../exercises/checker/exercises.js';
import type { Result } from '../../../exercises/checker/runner.js';
import { escapeHtml } from '../dom.js';

const byFile = (files: Record<string, string>) =>
  Object.fromEntries(Object.entries(files).map(([path, text]) => [path.slice(path.lastIndexOf('/') + 1), text]));
const STUBS = byFile(import.meta.glob<string>('../../../exercises/[1-6]-*.ts', { query: '?raw', import: 'default', eager: true }));
const SOLUTIONS = byFile(import.meta.glob<string>('../../../exercises/solutions/[1-6]-*.ts', { query: '?raw', import: 'default', eager: true }));

/** What the browser keeps: the code of each exercise as last edited, and which have passed. */
const STORAGE_KEY = 'feedforward.exercises.v1';
interface Progress {
  code: Record<number, string>;
  passed: Record<number, boolean>;
}
function loadProgress(): Progress {
  try {
    const saved = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? 'null') as Partial<Progress> | null;
    return { code: saved?.code ?? {}, passed: saved?.passed ?? {} };
  } catch {
    return { code: {}, passed: {} };
  }
}
const progress = loadProgress();
function save(): void {
  try {
    localStorage.setItem(STORAGE_KEY, JSON.stringify(progress));
  } catch {
    // storage full or switched off: the page still works, it only forgets on reload
  }
}

const stubOf = (n: number) => STUBS[EXERCISES[n - 1].file];
const codeOf = (n: number) => progress.code[n] ?? stubOf(n);
const byId = (id: string) => document.getElementById(id) as HTMLElement;
const current = () => {
  const n = Number(location.hash.slice(1));
  return Number.isInteger(n) && n >= 1 && n <= EXERCISES.length ? n : 1;
};

function renderList(): void {
  const n = current();
  byId('exercise-list').innerHTML = EXERCISES.map(
    (e) =>
      `<li><a href="#${e.n}" data-n="${e.n}" ${e.n === n ? 'aria-current="page"' : ''}>${e.n}. <code>${e.name}</code>${progress.passed[e.n] ? '<span class="tick" aria-label="passed">✓</span>' : ''}</a></li>`,
  ).join('');
  const done = EXERCISES.filter((e) => progress.passed[e.n]).length;
  byId('progress').textContent = `${done} of ${EXERCISES.length} passed`;
}

let saveTimer = 0;
let loading = false; // the editor is being filled by the page, not edited by the learner
const editor = new EditorView({
  parent: byId('editor'),
  extensions: [
    basicSetup,
    javascript({ typescript: true }),
    EditorView.updateListener.of((update) => {
      if (!update.docChanged || loading) return;
      const n = current();
      progress.code[n] = update.state.doc.toString();
      window.clearTimeout(saveTimer);
      saveTimer = window.setTimeout(() => {
        save();
        byId('saved').textContent = 'saved in this browser';
      }, 300);
    }),
  ],
});

function showExercise(): void {
  const n = current();
  const exercise = EXERCISES[n - 1];
  byId('exercise-title').innerHTML = `Exercise ${n}: <code>${exercise.name}</code> <small class="muted">(examples/exercises/${exercise.file})</small>`;
  loading = true;
  editor.dispatch({ changes: { from: 0, to: editor.state.doc.length, insert: codeOf(n) } });
  loading = false;
  byId('result').innerHTML = '';
  byId('saved').textContent = '';
  const solution = byId('solution');
  solution.hidden = true;
  solution.innerHTML = `<h3>A worked solution (examples/exercises/solutions/${exercise.file})</h3><pre>${escapeHtml(SOLUTIONS[exercise.file])}</pre>`;
  const button = byId('show-solution');
  button.textContent = 'show the solution';
  button.setAttribute('aria-expanded', 'false');
  renderList();
}

/** A check's result, in the words and order `npm run exercise` prints it. */
function renderResult(n: number, result: Result, notes: string[]): void {
  const exercise = EXERCISES[n - 1];
  if (result.passed) {
    byId('result').innerHTML = `<div class="passed-box"><p class="verdict ok passed">Exercise ${n}, ${exercise.name}: passed.</p><p>You built ${escapeHtml(result.built)}</p></div>`;
    return;
  }
  const values = [
    result.yours !== undefined ? `your ${result.field}:     ${result.yours}` : '',
    result.expected !== undefined ? `expected ${result.field}: ${result.expected}` : '',
  ].filter(Boolean);
  byId('result').innerHTML = `<p class="verdict bad not-yet">Exercise ${n}, ${exercise.name}: not yet.</p>
    ${result.on ? `<p>${escapeHtml(result.on)}:</p>` : ''}
    ${values.length ? `<pre>${escapeHtml(values.join('\n'))}</pre>` : ''}
    <p class="hint"><strong>Hint:</strong> ${escapeHtml(result.hint)}.</p>
    ${notes.map((note) => `<p class="note"><strong>Note:</strong> ${escapeHtml(note)}.</p>`).join('')}`;
}

byId('check').addEventListener('click', async () => {
  const n = current();
  const button = byId('check') as HTMLButtonElement;
  button.disabled = true;
  byId('result').innerHTML = '<p class="muted">checking…</p>';
  try {
    const { checkInBrowser } = await import('./run.js'); // the transpiler comes with it, on the first check only
    progress.code[n] = editor.state.doc.toString();
    const { result, notes } = checkInBrowser(n, codeOf);
    progress.passed[n] = result.passed;
    save();
    renderResult(n, result, notes);
    renderList();
    byId('result').scrollIntoView({ block: 'nearest' });
  } catch (error) {
    byId('result').innerHTML = `<p class="verdict bad">The checker itself failed: ${escapeHtml(String(error))}</p>`;
  } finally {
    button.disabled = false;
  }
});

byId('show-solution').addEventListener('click', () => {
  const solution = byId('solution');
  solution.hidden = !solution.hidden;
  const button = byId('show-solution');
  button.textContent = solution.hidden ? 'show the solution' : 'hide the solution';
  button.setAttribute('aria-expanded', String(!solution.hidden));
});

byId('reset-code').addEventListener('click', () => {
  const n = current();
  delete progress.code[n];
  progress.passed[n] = false;
  save();
  showExercise();
});

window.addEventListener('hashchange', showExercise);
showExercise();
