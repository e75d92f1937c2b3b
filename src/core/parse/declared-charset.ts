// The charset a document declares about itself, for when the HTTP header names none:
//   <meta charset="windows-1252">, <meta http-equiv="Content-Type" content="text/html; charset=...">
//   and an XML declaration <?xml version="1.0" encoding="ISO-8859-1"?> (feeds).
// Looked for in the first 1024 bytes, as browsers' prescan does; read as latin1 so any bytes pass.
// UTF-16 declared in ASCII bytes is a lie (the bytes would not be ASCII): it is ignored.

const PRESCAN_BYTES = 1024;

function clean(label: string | undefined): string | null {
  const l = (label ?? '').trim().replace(/^["']|["']$/g, '').toLowerCase();
  if (!l || /^utf-?16/.test(l)) return null;
  return /^[\w.:-]+$/.test(l) ? l : null;
}

export function declaredCharset(bytes: Uint8Array): string | null {
  const head = String.fromCharCode(...bytes.subarray(0, PRESCAN_BYTES));
  const xml = /^\s*<\?xml\s[^>]*?encoding\s*=\s*["']([^"']+)["']/i.exec(head);
  if (xml) return clean(xml[1]);
  for (const m of head.matchAll(/<meta\b([^>]*)>/gi)) {
    const attrs = m[1] ?? '';
    const direct = /\bcharset\s*=\s*["']?([^"'\s/>;]+)/i.exec(attrs);
    if (direct && !/\bcontent\s*=/i.test(attrs.slice(0, direct.index))) return clean(direct[1]);
    if (/\bhttp-equiv\s*=\s*["']?content-type/i.test(attrs)) {
      const content = /\bcontent\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/i.exec(attrs);
      const value = content?.[1] ?? content?.[2] ?? content?.[3] ?? '';
      const cs = /charset\s*=\s*["']?([^"'\s;]+)/i.exec(value);
      if (cs) return clean(cs[1]);
    }
  }
  return null;
}
