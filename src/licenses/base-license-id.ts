// One licence at different scopes: GPL-3.0-only, GPL-3.0-or-later, GPL-3.0+ and GPL-3.0 share
// the base id GPL-3.0. A leaf module, so every licence module can use the one definition.

export function baseId(id: string): string {
  return id.replace(/(-only|-or-later|\+)$/, "");
}
