/**
 * A text the system writes for later readers (a network's history, the audit trail), named by its
 * key in the web layer's catalogue and the values to fill in; the web layer words it in each
 * reader's language (functions/web/stored-phrase.ts). The domain knows the key only as a string.
 */
export interface StoredPhrase {
  key: string;
  params?: Record<string, string | number>;
}
