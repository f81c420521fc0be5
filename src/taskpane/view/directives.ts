/**
 * `typedValue`: a text box or select shows the state's value, except the box the user is
 * typing in (unless the draft was just replaced from outside), so "007" is not rewritten to
 * "7" mid-word. Like lit's `live()`, it compares with the element's own value.
 */
import { noChange, nothing } from "lit-html";
import {
  Directive,
  directive,
  PartType,
  type PartInfo,
  type ElementPart,
} from "lit-html/directive.js";

class TypedValue extends Directive {
  constructor(part: PartInfo) {
    super(part);
    if (part.type !== PartType.ELEMENT) throw new Error("typedValue() goes on the element itself");
  }

  /** Unused: the value is written in `update`, where the element is known. */
  render(...args: [value: string, overwriteWhileTyping: boolean]): unknown {
    void args;
    return nothing;
  }

  override update(part: ElementPart, [value, overwrite]: [string, boolean]): unknown {
    const el = part.element as HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;
    const typing = el.ownerDocument.activeElement === el && !overwrite;
    if (!typing && el.value !== value) el.value = value;
    return noChange;
  }
}

/** `<input ${typedValue(text, replaced)}>`: the box shows `text` unless the user is typing in it. */
export const typedValue = directive(TypedValue);
