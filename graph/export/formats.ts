// The export formats, what file each produces, and the options every writer understands.

/** Every format plangraph exports (PNG comes from the explorer's canvas, not from here). */
export const EXPORT_FORMATS = ["json", "graphml", "gexf", "csv", "cypher"] as const;

export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** What a format's file is called and served as: csv is a zip holding nodes.csv, relationships.csv and import.sh. */
export const FORMAT_FILES: {
  readonly [F in ExportFormat]: { extension: string; mediaType: string; description: string };
} = {
  json: {
    extension: ".json",
    mediaType: "application/json",
    description: "graphology JSON, the format every plangraph command reads",
  },
  graphml: {
    extension: ".graphml",
    mediaType: "application/graphml+xml",
    description: "GraphML for yEd, Cytoscape, NetworkX",
  },
  gexf: { extension: ".gexf", mediaType: "application/gexf+xml", description: "GEXF 1.3 for Gephi" },
  csv: {
    extension: ".zip",
    mediaType: "application/zip",
    description: "CSV for neo4j-admin database import and spreadsheets",
  },
  cypher: {
    extension: ".cypher",
    mediaType: "text/plain; charset=utf-8",
    description: "a Cypher script for cypher-shell",
  },
};

/** Options of an export; every field has a default that suits the format. */
export interface ExportOptions {
  /** Write each Plan's whole text (large); default: only in JSON, where other plangraph commands need it. */
  includeText?: boolean;
  /** CSV: character between array elements; default `;`, or the first of `|`, U+001F not found in the data when `;` is. */
  arrayDelimiter?: string;
  /** Cypher: rows per UNWIND statement (default 500). */
  batchSize?: number;
  /** End the output stream when the export is written (default true; pass false to keep writing after it). */
  end?: boolean;
}

/** Whether a string names an export format. */
export function isExportFormat(value: unknown): value is ExportFormat {
  return typeof value === "string" && (EXPORT_FORMATS as readonly string[]).includes(value);
}

/** Whether an export in this format includes Plan text under these options. */
export function includesText(format: ExportFormat, options: ExportOptions): boolean {
  return options.includeText ?? format === "json";
}
