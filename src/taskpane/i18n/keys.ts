/** The message keys (defined by the Finnish catalogue) and the shape every catalogue has. */
import type { fi } from './fi';

export type MessageKey = keyof typeof fi;
export type Dictionary = Record<MessageKey, string>;
