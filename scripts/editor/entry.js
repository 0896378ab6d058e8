// The editor of barraiser's problem page: CodeMirror 6 with Python, C++, Java and JavaScript modes.
// Bundled by scripts/build_editor.sh into src/barraiser/web/static/vendor/codemirror/.
import { EditorView, basicSetup } from "codemirror";
import { EditorState, Compartment } from "@codemirror/state";
import { keymap } from "@codemirror/view";
import { indentWithTab } from "@codemirror/commands";
import { indentUnit } from "@codemirror/language";
import { python } from "@codemirror/lang-python";
import { cpp } from "@codemirror/lang-cpp";
import { java } from "@codemirror/lang-java";
import { javascript } from "@codemirror/lang-javascript";

const MODES = {
  python: () => python(),
  cpp: () => cpp(),
  java: () => java(),
  javascript: () => javascript(),
};

function modeFor(language) {
  return (MODES[language] || MODES.python)();
}

// create(parent, {doc, language, onChange, onRun, label}) -> {setLanguage, getValue, setValue, focus, view}
// Tab indents; Escape then Tab moves focus out of the editor (CodeMirror's tab-focus mode).
function create(parent, options = {}) {
  const language = new Compartment();
  const onChange = options.onChange || null;
  const onRun = options.onRun || null;
  const runKeys = keymap.of([
    {
      key: "Mod-Enter",
      preventDefault: true,
      run: () => {
        if (onRun) onRun();
        return true;
      },
    },
  ]);
  const view = new EditorView({
    parent,
    state: EditorState.create({
      doc: options.doc || "",
      extensions: [
        runKeys,
        basicSetup,
        keymap.of([indentWithTab]),
        indentUnit.of("    "),
        language.of(modeFor(options.language)),
        EditorView.contentAttributes.of({
          "aria-label": options.label || "Code editor",
          "data-testid": "code-editor",
        }),
        EditorView.updateListener.of((update) => {
          if (update.docChanged && onChange) onChange(update.state.doc.toString(), update);
        }),
      ],
    }),
  });
  return {
    view,
    setLanguage(name) {
      view.dispatch({ effects: language.reconfigure(modeFor(name)) });
    },
    getValue() {
      return view.state.doc.toString();
    },
    setValue(text) {
      view.dispatch({
        changes: { from: 0, to: view.state.doc.length, insert: text },
        annotations: [],
      });
    },
    focus() {
      view.focus();
    },
  };
}

window.BarraiserEditor = { create, version: "1" };
