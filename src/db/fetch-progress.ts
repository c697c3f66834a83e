/**
 * Fetch a file as bytes, reporting progress as chunks arrive. Throws with the URL and HTTP status
 * when the server answers with an error, so the engine status can say which file is missing.
 */
export async function fetchWithProgress(url: string, onProgress: (loaded: number, total: number) => void): Promise<Uint8Array> {
  const res = await fetch(url)
  if (!res.ok) throw new Error(`Could not load ${url}: HTTP ${res.status} ${res.statusText}`)
  // Content-Length is the compressed size when the server gzips; then the total is unknown (0).
  const encoded = res.headers.get('content-encoding')
  const total = encoded && encoded !== 'identity' ? 0 : Number(res.headers.get('content-length') ?? 0)
  if (!res.body) {
    const bytes = new Uint8Array(await res.arrayBuffer())
    onProgress(bytes.length, total)
    return bytes
  }
  const reader = res.body.getReader()
  const chunks: Uint8Array[] = []
  let loaded = 0
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    chunks.push(value)
    loaded += value.length
    onProgress(loaded, total)
  }
  const bytes = new Uint8Array(loaded)
  let offset = 0
  for (const c of chunks) {
    bytes.set(c, offset)
    offset += c.length
  }
  return bytes
}
