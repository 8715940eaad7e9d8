/**
 * The unit tests render views and word texts directly, without a request to load a language's
 * texts first (the API does, functions/http/api.ts): both languages are loaded up front.
 */
import { loadTexts } from '#web/i18n/index.ts';

await loadTexts('en'); // and Danish
