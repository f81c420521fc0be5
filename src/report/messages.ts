/** Every sentence the report builder writes into the workbook on its own account, in one place. */

export const REPORT_MESSAGES = {
  /** In a chart's place on TCO Summary, when it has nothing to show. */
  noCostBreakdown:
    "Cost by category: every cost is 0 on these inputs, so there is nothing to break down.",
  noSavings:
    "Cumulative savings: none of the options compared can be used here, so there are no savings to draw (see TCO Licensing).",
  noBreakEven:
    "Licence cost per host: no Windows Server edition to compare on this platform, so there is no break-even to draw.",
  noUtilisationNoOption:
    "Host utilisation: none of the options compared can be used here, so there are no hosts to draw.",
  noUtilisationNoHosts:
    "Host utilisation: every server stays physical, so no host is needed and there is nothing to draw (see TCO Capacity).",
  noSensitivity:
    "What moves the NPV: there is no option to analyse, so there is no sensitivity to draw.",
  noData: (title: string) => `${title}: nothing to draw on these inputs.`,
} as const;
