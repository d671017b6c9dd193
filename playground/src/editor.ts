/**
 * The two YAML editors: CodeMirror 6 with YAML highlighting, a lint
 * gutter for the error's place, and Tab left to move focus (no tab
 * trapping: indent with the editor's own commands).
 */
import { basicSetup } from 'codemirror';
import { yaml } from '@codemirror/lang-yaml';
import { HighlightStyle, syntaxHighlighting } from '@codemirror/language';
import { EditorState } from '@codemirror/state';
import { EditorView } from '@codemirror/view';
import { lintGutter, setDiagnostics } from '@codemirror/lint';
import { tags as t } from '@lezer/highlight';
import type { TextRange } from './locate';

/**
 * CodeMirror's default colours, with the three that fall below a 4.5:1
 * contrast on white (special strings such as YAML's `|`, invalid text,
 * type names) darkened.
 */
const highlightStyle = HighlightStyle.define([
  { tag: t.meta, color: '#404740' },
  { tag: t.link, textDecoration: 'underline' },
  { tag: t.heading, textDecoration: 'underline', fontWeight: 'bold' },
  { tag: t.emphasis, fontStyle: 'italic' },
  { tag: t.strong, fontWeight: 'bold' },
  { tag: t.strikethrough, textDecoration: 'line-through' },
  { tag: t.keyword, color: '#770088' },
  { tag: [t.atom, t.bool, t.url, t.contentSeparator, t.labelName], color: '#221199' },
  { tag: [t.literal, t.inserted], color: '#116644' },
  { tag: [t.string, t.deleted], color: '#aa1111' },
  { tag: [t.regexp, t.escape, t.special(t.string)], color: '#b02a00' },
  { tag: t.definition(t.variableName), color: '#0000ff' },
  { tag: t.local(t.variableName), color: '#3300aa' },
  { tag: [t.typeName, t.namespace], color: '#006644' },
  { tag: t.className, color: '#116677' },
  { tag: [t.special(t.variableName), t.macroName], color: '#225566' },
  { tag: t.definition(t.propertyName), color: '#0000cc' },
  { tag: t.comment, color: '#994400' },
  { tag: t.invalid, color: '#c00000' },
]);

/** An editor as the page uses it. */
export interface YamlEditor {
  readonly view: EditorView;
  text(): string;
  setText(text: string): void;
  /** Marks `range` with `message`, or clears the mark. */
  mark(range: TextRange | undefined, message?: string): void;
}

/** A YAML editor in `parent`, labelled by the element `labelledBy`; `onChange` hears every edit. */
export function makeEditor(parent: HTMLElement, text: string, labelledBy: string, onChange: () => void): YamlEditor {
  const view = new EditorView({
    parent,
    state: EditorState.create({
      doc: text,
      extensions: [
        basicSetup,
        yaml(),
        syntaxHighlighting(highlightStyle),
        lintGutter(),
        EditorView.contentAttributes.of({ 'aria-labelledby': labelledBy }),
        EditorView.updateListener.of((u) => {
          if (u.docChanged) onChange();
        }),
      ],
    }),
  });
  return {
    view,
    text: () => view.state.doc.toString(),
    setText(t) {
      view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: t } });
    },
    mark(range, message = '') {
      const len = view.state.doc.length;
      const diagnostics =
        range === undefined ? [] : [{ from: Math.min(range.from, len), to: Math.min(range.to, len), severity: 'error' as const, message, source: 'taskpod' }];
      view.dispatch(setDiagnostics(view.state, diagnostics));
    },
  };
}
