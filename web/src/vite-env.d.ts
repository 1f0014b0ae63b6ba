// Pulls in Vite's client types (import.meta.env, asset imports) for the root
// tsconfig too, which type-checks web/src with only Node's types.
/// <reference types="vite/client" />
