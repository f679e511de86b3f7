import { type MessageFormatElement, parse, TYPE } from "@formatjs/icu-messageformat-parser";
import { printAST } from "@formatjs/icu-messageformat-parser/printer.js";

/*
 * The development pseudo-locale (pseudo-locale-tag.ts): every English message with its
 * letters accented and about 30% longer ("[Ŝîĝñ îñ ·····]"), its ICU syntax
 * (placeholders, plurals, tags) left intact. Text that stays plain English on
 * screen is hard-coded; a layout that breaks is one German or Chinese would break.
 */

const ACCENTED: Record<string, string> = Object.fromEntries(
  [..."abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"].map((letter, index) => [
    letter,
    [..."àƀçđéƒĝĥîĵķļɱñöþǫŕšţûṽŵẋýžÀƁÇĐÉƑĜĤÎĴĶĻṀÑÖÞǪŔŠŢÛṼŴẊÝŽ"][index] ?? letter,
  ]),
);

function accent(text: string): string {
  return [...text].map((character) => ACCENTED[character] ?? character).join("");
}

function pseudoElements(elements: MessageFormatElement[]): MessageFormatElement[] {
  return elements.map((element) => {
    switch (element.type) {
      case TYPE.literal:
        return { ...element, value: accent(element.value) };
      case TYPE.plural:
      case TYPE.select:
        return {
          ...element,
          options: Object.fromEntries(
            Object.entries(element.options).map(([key, option]) => [
              key,
              { ...option, value: pseudoElements(option.value) },
            ]),
          ),
        };
      case TYPE.tag:
        return { ...element, children: pseudoElements(element.children) };
      default:
        return element;
    }
  });
}

/** One message in the pseudo-locale: accented, bracketed and padded to about 130% of its length. */
export function pseudoMessage(message: string): string {
  const padding = "·".repeat(Math.ceil(message.length * 0.3));
  return `[${printAST(pseudoElements(parse(message)))} ${padding}]`;
}

export function pseudoCatalogue(english: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(english).map(([id, message]) => [id, pseudoMessage(message)]));
}
