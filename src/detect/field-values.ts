import type { ts } from "ts-morph";
import { tsApi } from "../parse/typescript.js";
import type { NameClassifier, ValueShape } from "./name-classifier.js";
import type { Hit } from "./walk-file.js";

// What a declared field holds, from its type annotation or its initialiser: the context that
// tells `video?: VideoStreamOptions` (a setting) from `video?: Blob` (a recording).

const { isArrayTypeNode, isIdentifier, isIndexedAccessTypeNode, isLiteralTypeNode, isObjectLiteralExpression, isPrefixUnaryExpression, isPropertyDeclaration, isPropertySignature, isQualifiedName, isTypeLiteralNode, isTypeReferenceNode, isUnionTypeNode } = tsApi;
const K = { StaticKeyword: tsApi.SyntaxKind.StaticKeyword, AnyKeyword: tsApi.SyntaxKind.AnyKeyword, StringKeyword: tsApi.SyntaxKind.StringKeyword, UnknownKeyword: tsApi.SyntaxKind.UnknownKeyword, BooleanKeyword: tsApi.SyntaxKind.BooleanKeyword, FalseKeyword: tsApi.SyntaxKind.FalseKeyword, NullKeyword: tsApi.SyntaxKind.NullKeyword, NumberKeyword: tsApi.SyntaxKind.NumberKeyword, NumericLiteral: tsApi.SyntaxKind.NumericLiteral, TrueKeyword: tsApi.SyntaxKind.TrueKeyword, UndefinedKeyword: tsApi.SyntaxKind.UndefinedKeyword };

/** The shape of a type annotation, when it is one of those that decide (see ValueShape). */
export function typeShape(t: ts.TypeNode | undefined, names: NameClassifier): ValueShape | null {
  if (!t) return null;
  if (isUnionTypeNode(t)) {
    const real = t.types.filter((x) => x.kind !== K.NullKeyword && x.kind !== K.UndefinedKeyword && !(isLiteralTypeNode(x) && x.literal.kind === K.NullKeyword));
    if (real.length > 1 && real.every((x) => isLiteralTypeNode(x))) return "enum";
    if (real.length !== 1) return null;
    t = real[0];
  }
  if (isLiteralTypeNode(t) && tsApi.isStringLiteral(t.literal)) return "constant";
  // `Video: Video[]`: a list of another shape is still that shape; a list of numbers says nothing.
  if (isArrayTypeNode(t)) return typeShape(t.elementType, names) === "reference" ? "reference" : null;
  if (t.kind === K.BooleanKeyword) return "boolean";
  if (t.kind === K.NumberKeyword) return "number";
  if (isTypeLiteralNode(t)) return "object";
  // `model?: DeviceSelectorFilter["model"]`: a member of a filter or an options type is one too.
  if (isIndexedAccessTypeNode(t)) return typeShape(t.objectType, names) === "options" ? "options" : null;
  if (isTypeReferenceNode(t)) {
    const name = referenceName(t);
    if (name && names.isSettingType(name)) return "options";
    if (name && !holdsContent(t, names)) return "reference";
  }
  return null;
}

function referenceName(t: ts.TypeReferenceNode): string | null {
  return isIdentifier(t.typeName) ? t.typeName.text : isQualifiedName(t.typeName) ? t.typeName.right.text : null;
}

/** `Buffer`, `Promise<MediaObject>`, `RefreshPromise<Buffer>`: the content itself, or a promise or list of it. */
function holdsContent(t: ts.TypeNode, names: NameClassifier): boolean {
  if (t.kind === K.StringKeyword || t.kind === K.AnyKeyword || t.kind === K.UnknownKeyword) return true;
  if (isArrayTypeNode(t)) return holdsContent(t.elementType, names);
  if (isUnionTypeNode(t)) return t.types.some((x) => holdsContent(x, names));
  if (!isTypeReferenceNode(t)) return false;
  const name = referenceName(t);
  return (name !== null && names.isContentType(name)) || (t.typeArguments ?? []).some((x) => holdsContent(x, names));
}

/** The shape of an initialiser: `= true`, `= !1`, `= 3`, `= { width: 640 }`. */
export function valueShape(e: ts.Expression | undefined): ValueShape | null {
  if (!e) return null;
  if (e.kind === K.TrueKeyword || e.kind === K.FalseKeyword) return "boolean";
  // Minifiers write true and false as !0 and !1.
  if (isPrefixUnaryExpression(e) && e.operator === tsApi.SyntaxKind.ExclamationToken && e.operand.kind === K.NumericLiteral) return "boolean";
  if (e.kind === K.NumericLiteral) return "number";
  if (isObjectLiteralExpression(e)) return "object";
  return null;
}

/**
 * `reserveUrl(siteId: string, recordingData: RecordingData)`, `enabled: boolean`: the shape a parameter's or a
 * variable's own annotation gives the value its name stands for, as a field's type does (none when destructured).
 */
export function declaredShape(node: ts.Node, names: NameClassifier): ValueShape | null {
  if (!(tsApi.isParameter(node) || tsApi.isVariableDeclaration(node)) || !tsApi.isIdentifier(node.name)) return null;
  return typeShape(node.type, names);
}

/** A field's shape from its type, or else from its initialiser (`= false`). */
export function fieldShape(member: ts.PropertySignature | ts.PropertyDeclaration, names: NameClassifier): ValueShape | null {
  return typeShape(member.type, names) ?? (isPropertyDeclaration(member) ? valueShape(member.initializer) : null);
}

/**
 * Drops the field findings whose value says the field is a setting of that name, not the
 * datum (NameClassifier.isSetting): the type or initialiser is read once per field hit.
 */
export function withoutSettingFields(hits: Hit[], names: NameClassifier, declared?: ReadonlyMap<string, readonly { name: string }[]>): Hit[] {
  return hits.filter((h) => {
    const n = h.node;
    if (!isPropertySignature(n) && !isPropertyDeclaration(n)) return true;
    if (isPropertyDeclaration(n) && isClassConstant(n)) return false;
    if (namesNoValue(n.type)) return false;
    if (configuresFormField(n.type, names, declared)) return false;
    const match = { category: h.category, rule: nameRuleOf(h, n, names), confidence: h.confidence };
    // `zip: ZipFile`, and a list of them (`emails: EmailMessage[]`: messages, not addresses).
    const typeRef = n.type && isArrayTypeNode(n.type) ? n.type.elementType : n.type;
    if (typeRef && isTypeReferenceNode(typeRef)) {
      const typeName = referenceName(typeRef);
      if (typeName && names.typeVetoes(match, typeName)) return false;
    }
    return !names.isSetting(match, fieldShape(n, names));
  });
}

/**
 * `phone: { show: boolean; required: boolean }`, `phone: Field` with Field declared so in the file:
 * the settings of a form question's phone field, not a phone number.
 */
function configuresFormField(t: ts.TypeNode | undefined, names: NameClassifier, declared: ReadonlyMap<string, readonly { name: string }[]> | undefined): boolean {
  if (!t) return false;
  if (isTypeLiteralNode(t)) return names.areFieldSettings(t.members.map((m) => (m.name && (isIdentifier(m.name) || tsApi.isStringLiteral(m.name)) ? m.name.text : "")));
  if (!isTypeReferenceNode(t) || !declared) return false;
  const name = referenceName(t);
  const fields = name === null ? undefined : declared.get(name);
  return !!fields && names.areFieldSettings(fields.map((f) => f.name));
}

/**
 * `HoppSmartPicture: typeof import("@hoppscotch/ui")["HoppSmartPicture"]` (a generated list of a UI
 * kit's components), `readonly Email: unique symbol` (an io-ts brand) and an object of functions only:
 * the type is a module's export, a marker the type checker alone reads or an API, never a value
 * anyone's data is kept in.
 */
function namesNoValue(t: ts.TypeNode | undefined): boolean {
  if (!t) return false;
  if (tsApi.isImportTypeNode(t)) return t.isTypeOf;
  // `pw: { get: (key: string) => string; set: (key: string, value: string) => void }`: a namespace of
  // functions (a sandbox's API), whatever its name abbreviates.
  if (isTypeLiteralNode(t)) return t.members.length > 0 && t.members.every((m) => tsApi.isMethodSignature(m) || (isPropertySignature(m) && !!m.type && tsApi.isFunctionTypeNode(m.type)));
  if (tsApi.isIndexedAccessTypeNode(t)) return namesNoValue(t.objectType);
  return tsApi.isTypeOperatorNode(t) && t.operator === tsApi.SyntaxKind.UniqueKeyword;
}

/**
 * `static modelName = "Membership"`, `kind = "camera"`: a static field belongs to the class, and a
 * non-empty string the code wrote is its own constant; neither holds anyone's data.
 */
function isClassConstant(n: ts.PropertyDeclaration): boolean {
  if (n.modifiers?.some((m) => m.kind === K.StaticKeyword)) return true;
  const init = n.initializer;
  return !!init && (tsApi.isStringLiteral(init) || tsApi.isNoSubstitutionTemplateLiteral(init)) && init.text.length > 0;
}

// A field hit carries the sink rule (schema.type-field), not the name rule: classify again.
function nameRuleOf(h: Hit, n: ts.PropertySignature | ts.PropertyDeclaration, names: NameClassifier): string {
  const key = isIdentifier(n.name) || tsApi.isStringLiteral(n.name) || tsApi.isPrivateIdentifier(n.name) ? n.name.text : null;
  const m = key === null ? null : names.classify(key);
  return m && m.category === h.category ? m.rule : h.rule.id;
}
