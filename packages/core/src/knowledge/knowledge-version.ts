import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import { canonicalJson } from './canonical-json';
import type { KnowledgeBase } from './schema/knowledge-base';

/** A knowledge base before (or apart from) its version stamp. */
export type KnowledgeContent = Omit<KnowledgeBase, 'knowledgeVersion'>;

/**
 * Content hash of a knowledge base: `'kb-'` + the first 16 hex digits of SHA-256 over the
 * canonical JSON (sorted keys) of every field except `knowledgeVersion` itself. Any changed fact,
 * clinic setting or override changes it; equal content always gives the same version.
 */
export function computeKnowledgeVersion(kb: KnowledgeContent): string {
  const content = Object.fromEntries(
    Object.entries(kb).filter(([key]) => key !== 'knowledgeVersion'),
  );
  const digest = bytesToHex(sha256(utf8ToBytes(canonicalJson(content))));
  return `kb-${digest.slice(0, 16)}`;
}
