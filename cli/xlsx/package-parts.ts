/**
 * What a workbook's package holds that the scorecard output does not carry over, counted from its
 * part names alone.
 */
export interface PackageParts {
  readonly charts: number;
  readonly pivotTables: number;
  readonly slicers: number;
  readonly macros: boolean;
  readonly externalLinks: number;
  readonly tables: number;
}

export function packageParts(names: readonly string[]): PackageParts {
  const count = (re: RegExp): number => names.filter((n) => re.test(n)).length;
  return {
    charts: count(/^xl\/charts\/chart\d*\.xml$/i),
    pivotTables: count(/^xl\/pivotTables\/pivotTable\d*\.xml$/i),
    slicers: count(/^xl\/slicers\/slicer\d*\.xml$/i),
    macros: names.some((n) => /^xl\/vbaProject\.bin$/i.test(n)),
    externalLinks: count(/^xl\/externalLinks\/externalLink\d*\.xml$/i),
    tables: count(/^xl\/tables\/table\d*\.xml$/i),
  };
}
