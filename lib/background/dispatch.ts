import * as v from 'valibot';
import type { CheckedSender, Handlers, MessageSender, MessageType, ResponseEnvelope } from '../protocol.ts';
import { ALLOWED_SENDERS, REQUEST_SCHEMAS } from './handlers.ts';
import { classifySender, type ExtensionIdentity } from './sender-policy.ts';

import { RequestError } from './request-error.ts';

const envelope = v.strictObject({ type: v.string(), data: v.unknown() });

function isMessageType(type: string): type is MessageType {
  return Object.hasOwn(REQUEST_SCHEMAS, type);
}

/**
 * Turns any incoming message into a call of its handler, or into a refusal: unknown types,
 * senders that may not send it and malformed data never reach a handler. Errors come back as
 * data, so the caller sees the handler's own message.
 */
export function createDispatcher(handlers: Handlers, self: ExtensionIdentity) {
  return async function dispatch(message: unknown, sender: MessageSender): Promise<ResponseEnvelope<unknown>> {
    try {
      const request = v.safeParse(envelope, message);
      if (!request.success || !isMessageType(request.output.type)) {
        throw new RequestError('dispatch: not a Cairn request');
      }
      const { type } = request.output;
      const kind = classifySender(sender, self);
      if (!kind || !ALLOWED_SENDERS[type].includes(kind)) {
        throw new RequestError(`dispatch: "${type}" is not allowed from this sender`);
      }
      const data = v.safeParse(REQUEST_SCHEMAS[type], request.output.data);
      if (!data.success) {
        // The schema's own message is written for people ("A search can be at most 500 characters");
        // inside a list, it says which item ("article 3: the title is empty").
        throw new RequestError(describeIssue(data.issues[0]));
      }
      const handler = handlers[type] as (data: unknown, sender: CheckedSender) => Promise<unknown>;
      return { ok: true, value: await handler(data.output, { ...sender, kind }) };
    } catch (error) {
      const { name, message } = error instanceof Error ? error : new Error(String(error));
      return { ok: false, error: { name, message } };
    }
  };
}

function describeIssue(issue: v.BaseIssue<unknown>): string {
  const path = issue.path ?? [];
  const item = path.findLastIndex((step) => typeof step.key === 'number');
  if (item < 1) return issue.message;
  const list = String(path[item - 1]?.key ?? 'item');
  const noun = list === 'articles' ? 'article' : list === 'ids' ? 'id' : 'item';
  return `${noun} ${(path[item]!.key as number) + 1}: ${issue.message}`;
}
