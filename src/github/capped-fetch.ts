// A fetch that stops reading a response body at a byte cap, so a hostile 50 MB file costs at
// most the cap in memory and time. Passed per request to Octokit (`request: { fetch }`).
// Over the cap, it answers an empty 200 carrying OVER_CAP_HEADER instead of throwing, because
// Octokit turns a thrown fetch error into a 500 that the retry plugin would read again.

/** Set on the stand-in response; its value is the size GitHub declared, or "unknown". */
export const OVER_CAP_HEADER = "x-dpg-screener-over-cap";

export function cappedFetch(maxBytes: number, fetchImpl: typeof fetch = globalThis.fetch): typeof fetch {
  return async (input, init) => {
    const response = await fetchImpl(input, init);
    if (!response.ok || response.body === null) return response;
    const declared = Number(response.headers.get("content-length") ?? Number.NaN);
    if (Number.isFinite(declared) && declared > maxBytes) {
      await response.body.cancel();
      return overCap(String(declared));
    }
    const reader = response.body.getReader();
    const chunks: Uint8Array[] = [];
    let total = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.byteLength;
      if (total > maxBytes) {
        await reader.cancel();
        return overCap(Number.isFinite(declared) ? String(declared) : "unknown");
      }
      chunks.push(value);
    }
    return new Response(Buffer.concat(chunks), {
      status: response.status,
      statusText: response.statusText,
      headers: response.headers,
    });
  };
}

function overCap(size: string): Response {
  return new Response("", { status: 200, headers: { "content-type": "text/plain", [OVER_CAP_HEADER]: size } });
}

/** The size an over-cap response stands for: a number, undefined when GitHub did not say, or null when not over. */
export function overCapSize(headers: Record<string, string | number | undefined>): number | undefined | null {
  const value = headers[OVER_CAP_HEADER];
  if (value === undefined) return null;
  const bytes = Number(value);
  return Number.isFinite(bytes) ? bytes : undefined;
}
