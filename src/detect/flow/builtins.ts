import type { ts } from "ts-morph";
import { tsApi } from "../../parse/typescript.js";
import { unwrap } from "../api-paths.js";
import { CONSTANT, EMPTY, field, join, joinAll, type Value } from "./value.js";

// How values move through the language's own functions: JSON.stringify keeps what it is
// given, `.trim()` and `.map(cb)` too, `.then(cb)` hands the promised value to cb, and a
// comparison yields a boolean. This is the engine's knowledge of JavaScript, not a rule:
// what is a source, a sink or a prompt lives in rules/.

const { isArrowFunction, isFunctionExpression, isIdentifier, isNewExpression, isPropertyAccessExpression } = tsApi;

const KEEP_FIRST_ARG = new Set(["String", "encodeURIComponent", "encodeURI", "escape", "btoa", "atob", "structuredClone", "parseFloat", "parseInt", "Number", "useState", "useRef", "ref", "reactive", "computed", "useCallback", "debounce", "throttle", "memo", "useDeferredValue"]);
const CONSTANT_RESULT = new Set(["Boolean", "isNaN", "isFinite"]);
const STATIC_KEEP = new Map<string, Set<string>>([
  ["JSON", new Set(["stringify", "parse"])],
  ["Object", new Set(["assign", "values", "entries", "freeze", "fromEntries"])],
  ["Promise", new Set(["resolve", "all", "allSettled", "race", "any"])],
  ["Array", new Set(["from", "of"])],
  ["Buffer", new Set(["from"])],
  ["qs", new Set(["stringify"])],
  ["querystring", new Set(["stringify", "encode"])],
]);
const KEEP_RECEIVER = new Set(["trim", "trimStart", "trimEnd", "toLowerCase", "toUpperCase", "toLocaleLowerCase", "toLocaleUpperCase", "toString", "toJSON", "valueOf", "slice", "substring", "substr", "replace", "replaceAll", "split", "join", "normalize", "padStart", "padEnd", "at", "flat", "reverse", "sort", "filter", "find", "findLast", "concat", "toFixed", "toPrecision", "catch", "finally", "toISOString", "getValue", "get"]);
const CONSTANT_METHOD = new Set(["includes", "startsWith", "endsWith", "indexOf", "lastIndexOf", "some", "every", "test", "has", "findIndex", "localeCompare", "match", "search", "keys"]);
const CALLBACK_RESULT = new Set(["map", "flatMap", "then"]);
const ELEMENT_CALLBACK = new Set(["map", "forEach", "filter", "find", "findLast", "some", "every", "flatMap", "findIndex", "sort"]);
// headers.set('X-Timezone', tz), params.append('locale', lang), req.clone({ setHeaders }): Angular's immutable
// HttpHeaders, HttpParams and HttpRequest return a copy that holds the value too (a Map's set returns the map).
const WITH_ARGUMENTS = new Map([["set", 1], ["append", 1], ["clone", 0]]);
const NEW_KEEP = new Set(["URLSearchParams", "URL", "Blob", "File", "Headers", "Map", "Set", "Request", "Response", "String"]);

/** The value of a call of a built-in, or undefined when the call is not one. */
export function propagatedCall(e: ts.CallExpression | ts.NewExpression, evaluate: (x: ts.Expression) => Value, returnsOf: (fn: ts.Node) => Value, isLocal: (name: string) => boolean): Value | undefined {
  const callee = unwrap(e.expression);
  const args = e.arguments ?? [];
  if (isIdentifier(callee)) {
    if (isLocal(callee.text)) return undefined;
    if (isNewExpression(e)) return NEW_KEEP.has(callee.text) ? joinAll(args.map(evaluate)) : undefined;
    if (CONSTANT_RESULT.has(callee.text)) return CONSTANT;
    if (callee.text === "useMemo" && args[0]) return isFunctionLike(args[0]) ? returnsOf(args[0]) : EMPTY;
    if (KEEP_FIRST_ARG.has(callee.text)) return args[0] ? evaluate(args[0]) : EMPTY;
    return undefined;
  }
  if (!isPropertyAccessExpression(callee)) return undefined;
  const method = callee.name.text;
  const owner = unwrap(callee.expression);
  if (isIdentifier(owner) && STATIC_KEEP.get(owner.text)?.has(method) && !isLocal(owner.text)) {
    const v = joinAll(args.map(evaluate));
    return method === "values" || method === "entries" ? spreadFields(v) : v;
  }
  if (isNewExpression(e)) return undefined;
  if (CONSTANT_METHOD.has(method)) return CONSTANT;
  // `url.searchParams.get('locale')`: one parameter of an address is what its key names (the
  // declaration it initialises says), not the whole page URL.
  if (method === "get" && isUrlParams(owner)) return EMPTY;
  if (KEEP_RECEIVER.has(method)) {
    const receiver = evaluate(owner);
    return method === "concat" ? joinAll([receiver, ...args.map(evaluate)]) : receiver;
  }
  const from = WITH_ARGUMENTS.get(method);
  if (from !== undefined) return joinAll([evaluate(owner), ...args.slice(from).map(evaluate)]);
  if (CALLBACK_RESULT.has(method) && args[0] && isFunctionLike(args[0])) return returnsOf(args[0]);
  if (method === "reduce" || method === "reduceRight") return join(args[0] && isFunctionLike(args[0]) ? returnsOf(args[0]) : EMPTY, args[1] ? evaluate(args[1]) : EMPTY);
  if (method === "forEach") return CONSTANT;
  return undefined;
}

export interface CallbackContext {
  /** What a source API hands its callback (getCurrentPosition(cb)). */
  source(call: ts.CallExpression | ts.NewExpression): Value | undefined;
  receiver(e: ts.Expression): Value;
}

/**
 * What a callback's parameter receives from the call it is passed to, or undefined when
 * that call is not one the engine knows (the parameter then stays a parameter).
 */
export function callbackInput(call: ts.CallExpression | ts.NewExpression, argIndex: number, paramIndex: number, ctx: CallbackContext): Value | undefined {
  const callee = unwrap(call.expression);
  const args = call.arguments ?? [];
  const firstCallback = args.findIndex(isFunctionLike);
  const src = ctx.source(call);
  if (src) return argIndex === firstCallback && paramIndex === 0 ? src : EMPTY;
  if (!isPropertyAccessExpression(callee)) return undefined;
  const method = callee.name.text;
  if (method === "then" && argIndex === 0) return paramIndex === 0 ? ctx.receiver(callee.expression) : EMPTY;
  if (method === "catch" || method === "finally") return EMPTY;
  if (ELEMENT_CALLBACK.has(method) && argIndex === 0) return paramIndex === 0 || (method === "sort" && paramIndex === 1) ? field(ctx.receiver(callee.expression), "*") : EMPTY;
  if ((method === "reduce" || method === "reduceRight") && argIndex === 0) {
    if (paramIndex === 1) return field(ctx.receiver(callee.expression), "*");
    if (paramIndex === 0) return args[1] ? ctx.receiver(args[1]) : EMPTY;
    return EMPTY;
  }
  return undefined;
}

function isUrlParams(e: ts.Expression): boolean {
  if (isPropertyAccessExpression(e)) return e.name.text === "searchParams";
  return isNewExpression(e) && isIdentifier(e.expression) && e.expression.text === "URLSearchParams";
}

function isFunctionLike(n: ts.Node): n is ts.ArrowFunction | ts.FunctionExpression {
  return isArrowFunction(n) || isFunctionExpression(n);
}

function spreadFields(v: Value): Value {
  let out: Value = { ...v, f: undefined };
  for (const x of v.f?.values() ?? []) out = join(out, x);
  return out;
}
