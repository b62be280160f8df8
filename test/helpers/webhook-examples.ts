// Real webhook payloads from @octokit/webhooks-examples, deep-copied so tests can adapt them.
import examples from "@octokit/webhooks-examples" with { type: "json" };

type Example = { name: string; examples: unknown[] };

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- payloads are adapted field by field in tests
export type Payload = Record<string, any>;

export function example(name: string, pick: (payload: Payload) => boolean = () => true): Payload {
  const found = (examples as unknown as Example[])
    .find((entry) => entry.name === name)
    ?.examples.find((payload) => pick(payload as Payload));
  if (found === undefined) throw new Error(`no ${name} example matches`);
  return structuredClone(found) as Payload;
}
