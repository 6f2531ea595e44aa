// Converts what the driver returns into plain JSON, collecting every node, relationship and path met on the way.
import { isInt, isNode, isPath, isRelationship, type Node, type Relationship } from "neo4j-driver";
import { isEdgeType, isNodeLabel } from "../../schema/index.ts";
import { edgeFromNeo4j, nodeFromNeo4j } from "./properties.ts";
import type { JsonValue, QueryNode, QueryPath, QueryRelationship, ReadQueryResult } from "./read-query.ts";

/** Turns record values into plain JSON and lists each graph element once, with its JSON size when first met. */
export class GraphCollector {
  /** Bytes of JSON of the elements met so far, for the runner's size cap. */
  bytes = 0;

  readonly nodes = new Map<string, QueryNode>();
  readonly relationships = new Map<string, QueryRelationship>();
  readonly paths = new Map<string, QueryPath>();

  /** A point to come back to: how many elements of each kind had been met, and their bytes. */
  mark(): [number, number, number, number] {
    return [this.nodes.size, this.relationships.size, this.paths.size, this.bytes];
  }

  /** Forgets the elements met since the mark (those of a row that was not kept). */
  rollback([nodes, relationships, paths, bytes]: [number, number, number, number]): void {
    const trim = (map: Map<string, unknown>, keep: number) => {
      for (const key of [...map.keys()].slice(keep)) map.delete(key);
    };
    trim(this.nodes, nodes);
    trim(this.relationships, relationships);
    trim(this.paths, paths);
    this.bytes = bytes;
  }

  node(n: Node): QueryNode {
    const existing = this.nodes.get(n.elementId);
    if (existing) return existing;
    const props = n.properties as Record<string, unknown>;
    const label = n.labels.find(isNodeLabel);
    const converted = label ? nodeFromNeo4j(label, props) : props;
    const { id, ...rest } = converted;
    const node: QueryNode = {
      id: typeof id === "string" ? id : n.elementId,
      elementId: n.elementId,
      labels: [...n.labels],
      properties: this.plainMap(rest),
    };
    this.nodes.set(n.elementId, node);
    this.bytes += Buffer.byteLength(JSON.stringify(node));
    return node;
  }

  relationship(r: Relationship): QueryRelationship {
    const existing = this.relationships.get(r.elementId);
    if (existing) return existing;
    const props = r.properties as Record<string, unknown>;
    const converted = isEdgeType(r.type) ? edgeFromNeo4j(r.type, props) : props;
    const { key, ...rest } = converted;
    const rel: QueryRelationship = {
      key: typeof key === "string" ? key : r.elementId,
      elementId: r.elementId,
      type: r.type,
      source: r.startNodeElementId,
      target: r.endNodeElementId,
      properties: this.plainMap(rest),
    };
    this.relationships.set(r.elementId, rel);
    this.bytes += Buffer.byteLength(JSON.stringify(rel));
    return rel;
  }

  /** Converts any value the driver returns into plain JSON, collecting graph elements on the way. */
  plain(value: unknown): JsonValue {
    if (value === null || value === undefined) return null;
    if (isInt(value)) return value.inSafeRange() ? value.toNumber() : value.toString();
    if (typeof value === "bigint") return Number.isSafeInteger(Number(value)) ? Number(value) : value.toString();
    if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") return value;
    if (isNode(value)) return this.node(value) as unknown as JsonValue;
    if (isRelationship(value)) return this.relationship(value) as unknown as JsonValue;
    if (isPath(value)) {
      const nodes = [this.node(value.start), ...value.segments.map((s) => this.node(s.end))];
      const rels = value.segments.map((s) => this.relationship(s.relationship));
      const path: QueryPath = { nodes: nodes.map((n) => n.elementId), relationships: rels.map((r) => r.elementId) };
      this.paths.set(`${path.nodes.join(",")}|${path.relationships.join(",")}`, path);
      return { nodes, relationships: rels } as unknown as JsonValue;
    }
    if (Array.isArray(value)) return value.map((v) => this.plain(v));
    if (value instanceof Uint8Array) return Buffer.from(value).toString("base64");
    if (typeof value === "object") {
      const text = String(value);
      const isPlainObject = Object.getPrototypeOf(value) === Object.prototype;
      return isPlainObject || text === "[object Object]" ? this.plainMap(value as Record<string, unknown>) : text;
    }
    return String(value);
  }

  plainMap(map: Record<string, unknown>): Record<string, JsonValue> {
    return Object.fromEntries(Object.entries(map).map(([k, v]) => [k, this.plain(v)]));
  }

  /** Rewrites relationship ends and paths from element ids to plangraph ids once every node has been seen. */
  finish(): Pick<ReadQueryResult, "nodes" | "relationships" | "paths"> {
    const idOf = (elementId: string) => this.nodes.get(elementId)?.id ?? elementId;
    const keyOf = (elementId: string) => this.relationships.get(elementId)?.key ?? elementId;
    for (const rel of this.relationships.values()) {
      rel.source = idOf(rel.source);
      rel.target = idOf(rel.target);
    }
    return {
      nodes: [...this.nodes.values()],
      relationships: [...this.relationships.values()],
      paths: [...this.paths.values()].map((p) => ({
        nodes: p.nodes.map(idOf),
        relationships: p.relationships.map(keyOf),
      })),
    };
  }
}
