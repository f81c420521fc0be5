/** Every message of the packing core, in one place so wording stays consistent and tests pin it. */
export const packingMessages = {
  capacityNotFinite: (dimension: number, received: number): string =>
    `capacity[${dimension}] must be a finite number ≥ 0 (received ${String(received)}).`,
  itemLength: (item: number, expected: number, received: number): string =>
    `items[${item}] must have ${expected} entries, one per capacity dimension (received ${received}).`,
  itemNotFinite: (item: number, dimension: number, received: number): string =>
    `items[${item}][${dimension}] must be a finite number ≥ 0 (received ${String(received)}).`,
  chunkSize: (received: number): string =>
    `packVectors: options.chunkSize must be a number ≥ 1 (received ${String(received)}).`,
  localSearchEffort: (received: number): string =>
    `packVectors: options.localSearchEffort must be a number ≥ 0 (received ${String(received)}).`,
  infeasible: (heuristic: string): string =>
    `packVectors: ${heuristic} produced an infeasible packing (a bug in the packing core).`,
  noHeuristics: "packVectors: options.heuristics must name at least one heuristic.",
  vbpEmpty: "The VBP text is empty: expected the number of dimensions first.",
  vbpNotNumber: (token: string, position: number): string =>
    `VBP token ${position} ("${token}") is not a number.`,
  vbpDimensions: (received: string): string =>
    `The number of dimensions must be a whole number ≥ 1 (received "${received}").`,
  vbpCapacity: (dimension: number, received: string): string =>
    `Capacity ${dimension + 1} must be a number ≥ 0 (received "${received}").`,
  vbpItemTypes: (received: string): string =>
    `The number of item types must be a whole number ≥ 0 (received "${received}").`,
  vbpSize: (itemType: number, dimension: number, received: string): string =>
    `Item type ${itemType + 1}, size ${dimension + 1} must be a number ≥ 0 (received "${received}").`,
  vbpDemand: (itemType: number, received: string): string =>
    `Item type ${itemType + 1}: the demand (copies) must be a whole number ≥ 0 (received "${received}").`,
  vbpTruncated: (expectedTokens: number, receivedTokens: number): string =>
    `The VBP text ends early: expected ${expectedTokens} numbers, found ${receivedTokens}.`,
  vbpTrailing: (extraTokens: number): string =>
    `The VBP text has ${extraTokens} number(s) after the last item type; check the item count.`,
  vbpTooManyItems: (limit: number): string =>
    `The VBP demands expand to more than ${limit} items; split the instance.`,
} as const;
