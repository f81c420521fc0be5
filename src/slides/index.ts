/** The management slides: `buildDeck(plan, analysis)` (pure data) and `writePptx(deck)` (pptxgenjs). */
export { buildDeck, type Deck, type DeckChart, type Slide } from "./deck";
export { writePptx } from "./writePptx";
