/**
 * Which test files can give a different result on another engine: those that can
 * reach the engine setting (`affineInto` and the functions beside it that read
 * `engine`), found by reading the source text, not by running it. Used by
 * test/engine-files.test.ts to check the list in test/engine-files.ts.
 *
 * Module by module is too coarse: src/core/matrix.ts imports the kernel (multiply
 * needs it), so nearly every test imports it, though most never multiply. So the
 * reading goes name by name:
 *
 * 1. In src/, a declaration reaches the engine if it is one of the seeds, or if
 *    its text names a declaration that does. A module-level name is followed
 *    through imports and re-exports to the one it means (`Network` in a test is
 *    the class in whichever file declares it). A name after a dot is a member, and
 *    members are matched by name alone, whatever object they belong to:
 *    `activation.fn(Z)` reaches the engine if any `fn` in src/ does. That guess
 *    errs towards "yes", never towards "no".
 * 2. A test file reaches the engine if its text, or the text of a file it imports
 *    from outside src/ (helpers, examples, children), names such a declaration,
 *    or if a src/ module it imports calls one while it loads.
 * 3. What cannot be read counts as "yes": a child process, `vm`, `new Function`
 *    or `eval`, a nested vitest, a namespace import of src/ used other than as
 *    `ns.name`, an `import()` of src/ that is not destructured at once.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';

/** Modules that run code this reading cannot follow: another process, another context, another vitest. */
const RUNNERS = new Set(['child_process', 'vm', 'worker_threads', 'vitest/node'].flatMap((m) => [m, `node:${m}`]));

/** Every .ts file under a folder (absolute paths). */
export function tsFilesUnder(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : tsFilesUnder(join(folder, entry.name)); // test/oracles/node_modules
    return entry.name.endsWith('.ts') ? [join(folder, entry.name)] : [];
  });
}

/** A relative specifier as a file: './x.js' → x.ts (or x.js, x.mjs, x/index.ts); undefined when none is there. */
function resolveRelative(from: string, specifier: string): string | undefined {
  const base = resolve(dirname(from), specifier);
  const candidates = [base.replace(/\.js$/, '.ts'), base, `${base}.ts`, join(base, 'index.ts')];
  return candidates.find((path) => existsSync(path) && statSync(path).isFile());
}

const isFunctionLike = (node: ts.Node): boolean =>
  ts.isFunctionDeclaration(node) ||
  ts.isFunctionExpression(node) ||
  ts.isArrowFunction(node) ||
  ts.isMethodDeclaration(node) ||
  ts.isAccessor(node) ||
  ts.isConstructorDeclaration(node);

/** A member's name when it is a plain one (`fn`, `'fn'`, `#fn`). */
function memberName(name: ts.Node | undefined): string | undefined {
  if (name && (ts.isIdentifier(name) || ts.isPrivateIdentifier(name) || ts.isStringLiteral(name))) return name.text;
  return undefined;
}

/** Whether an identifier is the name being declared (`const X = …`, `function f`), not a use. */
const isDeclaredName = (n: ts.Identifier): boolean => {
  const p = n.parent;
  return (
    (ts.isVariableDeclaration(p) || ts.isFunctionDeclaration(p) || ts.isClassDeclaration(p) || ts.isParameter(p) || ts.isBindingElement(p)) &&
    p.name === n
  );
};

/** Whether a local name is only ever the operand of `typeof` in the function (or file) that binds it. */
function onlyAskedAbout(binding: ts.Identifier): boolean {
  let scope: ts.Node = binding.parent;
  while (!isFunctionLike(scope) && !ts.isSourceFile(scope)) scope = scope.parent;
  let other = false;
  const visit = (n: ts.Node): void => {
    if (other) return;
    if (ts.isIdentifier(n) && n !== binding && n.text === binding.text && !ts.isTypeOfExpression(n.parent)) other = true;
    ts.forEachChild(n, visit);
  };
  visit(scope);
  return !other;
}

const lineOf = (node: ts.Node) => node.getSourceFile().getLineAndCharacterOfPosition(node.getStart()).line + 1;

/** A declaration, by key: 'src/core/network.ts#Network' (module level) or '.fn' (a member, by name alone). */
type Key = string;

/** One source file, read: its module-level names, its imports, what each declaration names. */
class Reading {
  readonly source: ts.SourceFile;
  /** Module-level names declared here. */
  readonly locals = new Set<string>();
  /** Imported names: local name → [file, exported name]; '*' for a namespace. */
  readonly imported = new Map<string, [string, string]>();
  /** Exported name → [file or undefined (this one), name there]. */
  readonly exported = new Map<string, [string | undefined, string]>();
  readonly starFrom: string[] = [];
  /** Every file this one imports (values only: `import type` is erased), and packages by name. */
  readonly files: string[] = [];
  readonly packages: string[] = [];
  /** Why a use of an import cannot be read, when one cannot. */
  readonly unreadable: string[] = [];
  /** `x[k](…)`: readable only when x is a module-level name (then its own text says what it reaches). */
  readonly computedCalls: ts.ElementAccessExpression[] = [];

  constructor(readonly file: string) {
    this.source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
    for (const statement of this.source.statements) this.readStatement(statement);
    this.readCalls(this.source);
  }

  private target(specifier: string): string | undefined {
    if (!specifier.startsWith('.')) {
      this.packages.push(specifier);
      return undefined;
    }
    const target = resolveRelative(this.file, specifier);
    if (!target) this.unreadable.push(`cannot find ${specifier}`);
    else this.files.push(target);
    return target;
  }

  private readStatement(statement: ts.Statement): void {
    const exported = ts.canHaveModifiers(statement) && ts.getModifiers(statement)?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
    const declare = (name: string) => {
      this.locals.add(name);
      if (exported) this.exported.set(name, [undefined, name]);
    };
    if (ts.isImportDeclaration(statement) && ts.isStringLiteral(statement.moduleSpecifier)) {
      const clause = statement.importClause;
      if (clause?.isTypeOnly) return;
      const from = this.target(statement.moduleSpecifier.text);
      if (!from || !clause) return;
      if (clause.name) this.imported.set(clause.name.text, [from, 'default']);
      const bindings = clause.namedBindings;
      if (bindings && ts.isNamespaceImport(bindings)) this.imported.set(bindings.name.text, [from, '*']);
      if (bindings && ts.isNamedImports(bindings)) {
        for (const element of bindings.elements) {
          if (!element.isTypeOnly) this.imported.set(element.name.text, [from, (element.propertyName ?? element.name).text]);
        }
      }
    } else if (ts.isExportDeclaration(statement)) {
      if (statement.isTypeOnly) return;
      const from = statement.moduleSpecifier && ts.isStringLiteral(statement.moduleSpecifier) ? this.target(statement.moduleSpecifier.text) : undefined;
      const clause = statement.exportClause;
      if (!clause) {
        if (from) this.starFrom.push(from);
      } else if (ts.isNamedExports(clause)) {
        for (const element of clause.elements) {
          if (!element.isTypeOnly) this.exported.set(element.name.text, [from, (element.propertyName ?? element.name).text]);
        }
      }
    } else if (
      (ts.isFunctionDeclaration(statement) ||
        ts.isClassDeclaration(statement) ||
        ts.isEnumDeclaration(statement) ||
        ts.isInterfaceDeclaration(statement) ||
        ts.isTypeAliasDeclaration(statement)) &&
      statement.name
    ) {
      declare(statement.name.text);
      const isDefault = ts.getModifiers(statement)?.some((m) => m.kind === ts.SyntaxKind.DefaultKeyword);
      if (isDefault) this.exported.set('default', [undefined, statement.name.text]);
    } else if (ts.isVariableStatement(statement)) {
      for (const d of statement.declarationList.declarations) if (ts.isIdentifier(d.name)) declare(d.name.text);
    }
  }

  /**
   * Calls that load or make code: `import('…')` (a literal path is an import, and
   * `const { a } = await import('…')` binds a and only a), `require('…')`, `vi.importActual`,
   * `eval`, `new Function`, a function's `.constructor` (AsyncFunction), and calls of a
   * member whose name is computed (`api[name]()`), which no name can stand for.
   */
  private readCalls(node: ts.Node): void {
    const at = () => `(line ${lineOf(node)})`;
    if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) {
      const [argument] = node.arguments;
      if (!argument || !ts.isStringLiteralLike(argument)) this.unreadable.push(`an import() of a computed path ${at()}`);
      else {
        const from = this.target(argument.text);
        const awaited = ts.isAwaitExpression(node.parent) ? node.parent : node;
        const binding = ts.isVariableDeclaration(awaited.parent) ? awaited.parent.name : undefined;
        if (from && binding && ts.isObjectBindingPattern(binding)) {
          for (const element of binding.elements) {
            const imported = memberName(element.propertyName ?? element.name);
            if (imported && ts.isIdentifier(element.name)) this.imported.set(element.name.text, [from, imported]);
          }
        } else if (from) {
          this.unreadable.push(`import('${argument.text}') used as a whole ${at()}`);
        }
      }
    } else if (ts.isCallExpression(node) || ts.isNewExpression(node)) {
      const callee = node.expression;
      const calleeName = ts.isIdentifier(callee) ? callee.text : ts.isPropertyAccessExpression(callee) ? callee.name.text : undefined;
      const [argument] = node.arguments ?? [];
      if (calleeName === 'require' || calleeName === 'importActual' || calleeName === 'importMock') {
        if (argument && ts.isStringLiteralLike(argument)) this.target(argument.text);
        if (!argument || !ts.isStringLiteralLike(argument) || argument.text.startsWith('.')) {
          this.unreadable.push(`${calleeName}() of a module it may use as a whole ${at()}`);
        }
      }
      if (calleeName === 'eval' || (ts.isIdentifier(callee) && callee.text === 'Function')) this.unreadable.push(`makes code from text (${calleeName}) ${at()}`);
      if (ts.isElementAccessExpression(callee) && !ts.isStringLiteralLike(callee.argumentExpression) && !ts.isNumericLiteral(callee.argumentExpression)) {
        this.computedCalls.push(callee);
      }
    } else if (ts.isPropertyAccessExpression(node) && node.name.text === 'constructor') {
      this.unreadable.push(`reaches a constructor by .constructor (AsyncFunction makes code from text) ${at()}`);
    }
    ts.forEachChild(node, (child) => this.readCalls(child));
  }
}

/**
 * Reads src/ once; `verdict(testFile)` says why that test file may reach the engine
 * setting, or undefined when it cannot.
 */
export function engineReader(root: string) {
  const srcDir = join(root, 'src');
  const inSrc = (file: string) => !relative(srcDir, file).startsWith('..');
  const readings = new Map<string, Reading>();
  const read = (file: string): Reading => {
    const known = readings.get(file);
    if (known) return known;
    const reading = new Reading(file);
    readings.set(file, reading);
    return reading;
  };
  const name = (file: string) => relative(root, file);

  /** The declaration an exported name of a file means, following re-exports; undefined for a namespace or an unknown name. */
  const resolveExport = (file: string, exported: string, seen = new Set<string>()): Key | undefined => {
    if (seen.has(`${file}#${exported}`)) return undefined;
    seen.add(`${file}#${exported}`);
    const reading = read(file);
    const entry = reading.exported.get(exported);
    if (entry) {
      const [from, local] = entry;
      return from ? resolveExport(from, local, seen) : resolveLocal(reading, local, seen);
    }
    for (const from of reading.starFrom) {
      const key = resolveExport(from, exported, seen);
      if (key) return key;
    }
    return undefined;
  };
  /** What a module-level name means in a file: its own declaration or the one it imports. */
  const resolveLocal = (reading: Reading, local: string, seen = new Set<string>()): Key | undefined => {
    if (reading.locals.has(local)) return `${name(reading.file)}#${local}`;
    const imported = reading.imported.get(local);
    if (imported && imported[1] !== '*') return resolveExport(imported[0], imported[1], seen);
    return undefined;
  };

  /**
   * The declarations a piece of code names: module-level names through the file's imports,
   * `ns.name` through a namespace import, and every other name after a dot as a member.
   */
  const namedIn = (reading: Reading, node: ts.Node, skipFunctionBodies = false): Set<Key> => {
    const keys = new Set<Key>();
    const visit = (n: ts.Node): void => {
      if (skipFunctionBodies && n !== node && isFunctionLike(n)) return;
      if (ts.isTypeNode(n) || ts.isInterfaceDeclaration(n) || ts.isTypeAliasDeclaration(n)) return; // erased
      if (ts.isImportDeclaration(n) || ts.isExportDeclaration(n)) return; // edges, not uses
      if (ts.isTypeOfExpression(n) && (ts.isIdentifier(n.expression) || ts.isPropertyAccessExpression(n.expression))) {
        return; // `typeof net.forward` asks whether it is there, without calling it
      }
      if (ts.isPropertyAccessExpression(n)) {
        const namespace = ts.isIdentifier(n.expression) ? reading.imported.get(n.expression.text) : undefined;
        const key = namespace?.[1] === '*' ? resolveExport(namespace[0], n.name.text) : undefined;
        keys.add(key ?? `.${n.name.text}`);
        visit(n.expression);
        return;
      }
      if (ts.isElementAccessExpression(n) && ts.isStringLiteralLike(n.argumentExpression)) keys.add(`.${n.argumentExpression.text}`);
      // `const { forward } = net` takes a member without a dot (a use, unless only `typeof forward` follows).
      if (ts.isBindingElement(n) && ts.isObjectBindingPattern(n.parent)) {
        const member = memberName(n.propertyName ?? n.name);
        if (member && !(ts.isIdentifier(n.name) && onlyAskedAbout(n.name))) keys.add(`.${member}`);
      }
      if (ts.isIdentifier(n) && !isDeclaredName(n)) {
        const key = resolveLocal(reading, n.text);
        if (key) keys.add(key);
      }
      ts.forEachChild(n, visit);
    };
    visit(node);
    return keys;
  };

  /** Every declaration of a src/ file, with what its text names. */
  const declarationsOf = (reading: Reading): [Key, Set<Key>][] => {
    const found: [Key, Set<Key>][] = [];
    const here = name(reading.file);
    const visit = (node: ts.Node): void => {
      if (ts.isSourceFile(node)) return void ts.forEachChild(node, visit);
      const topLevel = ts.isSourceFile(node.parent) || (ts.isVariableDeclaration(node) && ts.isSourceFile(node.parent.parent.parent));
      if ((ts.isFunctionDeclaration(node) || ts.isEnumDeclaration(node)) && node.name && topLevel) {
        found.push([`${here}#${node.name.text}`, namedIn(reading, node)]);
      } else if (ts.isClassDeclaration(node) && node.name) {
        // The class itself: what `new` runs (the constructor and the fields), and what it extends.
        const keys = new Set<Key>();
        for (const member of node.members) {
          if (!ts.isMethodDeclaration(member) && !ts.isAccessor(member)) for (const k of namedIn(reading, member)) keys.add(k);
        }
        for (const clause of node.heritageClauses ?? []) for (const k of namedIn(reading, clause)) keys.add(k);
        found.push([topLevel ? `${here}#${node.name.text}` : `.${node.name.text}`, keys]);
      } else if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && topLevel && node.initializer) {
        found.push([`${here}#${node.name.text}`, namedIn(reading, node.initializer)]);
      } else if (ts.isMethodDeclaration(node) || ts.isAccessor(node)) {
        // [Symbol.iterator]() and the like: no name calls them, so they count as '.[computed]'.
        found.push([`.${memberName(node.name) ?? '[computed]'}`, namedIn(reading, node)]);
      } else if ((ts.isPropertyAssignment(node) || ts.isPropertyDeclaration(node)) && memberName(node.name) && node.initializer) {
        // A property's value is computed where the object is made (that code counts it), but if it
        // is a function, or what a call returns (perhaps a function), calling it later is a use too.
        const value = node.initializer;
        if (ts.isArrowFunction(value) || ts.isFunctionExpression(value) || ts.isCallExpression(value)) {
          found.push([`.${memberName(node.name)}`, namedIn(reading, value)]);
        }
      } else if (ts.isShorthandPropertyAssignment(node)) {
        const key = resolveLocal(reading, node.name.text);
        if (key) found.push([`.${node.name.text}`, new Set([key])]);
      }
      ts.forEachChild(node, visit);
    };
    visit(reading.source);
    return found;
  };

  const srcReadings = tsFilesUnder(srcDir).map(read);

  // The seeds: the functions of the engine's module (the one that declares affineInto) that name its setting.
  const engineModule = srcReadings.find((r) => r.locals.has('affineInto'));
  if (!engineModule) throw new Error('engine-reach: no file in src/ declares affineInto');
  const setting = `${name(engineModule.file)}#engine`;
  const declarations = srcReadings.flatMap(declarationsOf);
  const seeds = [
    ...new Set(declarations.filter(([key, named]) => named.has(setting) && key !== setting).map(([key]) => key)),
  ];

  // Everything that names a seed, then everything that names one of those, until nothing new comes.
  const because = new Map<Key, Key>(seeds.map((seed) => [seed, 'the engine setting']));
  for (let grew = true; grew; ) {
    grew = false;
    for (const [key, named] of declarations) {
      if (because.has(key)) continue;
      const hit = [...named].find((k) => because.has(k));
      if (hit) {
        because.set(key, hit);
        grew = true;
      }
    }
  }
  /** The chain from a declaration down to the setting: 'Network.forward → forwardInBlocks → affineInto'. */
  const chain = (key: Key): string => {
    const steps = [key];
    for (let k = because.get(key); k && k !== 'the engine setting' && steps.length < 8; k = because.get(k)) steps.push(k);
    return steps.map((k) => k.replace(/^.*#/, '')).join(' → ');
  };
  const firstReaching = (keys: Iterable<Key>) => [...keys].find((k) => because.has(k));

  /** Why loading a src/ module (and what it imports) may reach the engine, or undefined. */
  const loading = new Map<string, string | undefined>();
  const whenLoaded = (file: string): string | undefined => {
    if (loading.has(file)) return loading.get(file);
    loading.set(file, undefined); // an import cycle adds nothing
    const reading = read(file);
    const hit = firstReaching(namedIn(reading, reading.source, true));
    let why = hit ? `${name(file)} calls ${chain(hit)} when it loads` : undefined;
    for (const target of reading.files) if (inSrc(target)) why ??= whenLoaded(target);
    loading.set(file, why);
    return why;
  };

  // Members a program calls without naming them: String(x), `${x}`, JSON.stringify(x), await x, for…of.
  const implicit = ['.toString', '.toJSON', '.valueOf', '.then', '.[computed]'].find((k) => because.has(k));
  const ownPackage = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).name as string;

  /**
   * Why a test file may reach the engine, or undefined when it cannot. `children`: the
   * scripts (paths from the root) that the processes it starts run, if it starts any;
   * they are read as if the test imported them.
   */
  const verdict = (testFile: string, children: readonly string[] = []): string | undefined => {
    if (implicit) return `every file may call ${chain(implicit)} without naming it`;
    const todo = [resolve(testFile), ...children.map((child) => join(root, child))];
    const seen = new Set(todo);
    while (todo.length > 0) {
      const file = todo.shift() as string;
      const reading = read(file);
      const runner = reading.packages.find((p) => RUNNERS.has(p));
      if (runner && children.length === 0) return `${name(file)} runs code elsewhere (${runner})`;
      const own = reading.packages.find((p) => p === ownPackage || p.startsWith(`${ownPackage}/`));
      if (own) return `${name(file)} imports the built package (${own}), which this reading does not follow`;
      if (reading.unreadable.length > 0) return `${name(file)}: ${reading.unreadable[0]}`;
      for (const [local, [from, imported]] of reading.imported) {
        if (inSrc(from) && imported !== '*' && !resolveExport(from, imported)) {
          return `${name(file)} imports ${local} from ${name(from)}, where this reading cannot find it`;
        }
      }
      const computed = reading.computedCalls.find((access) => !(ts.isIdentifier(access.expression) && resolveLocal(reading, access.expression.text)));
      if (computed) return `${name(file)} calls a member whose name is computed (line ${lineOf(computed)})`;
      const wholeNamespace = namespaceUsedWhole(reading, inSrc);
      if (wholeNamespace) return `${name(file)}: ${wholeNamespace}`;
      const hit = firstReaching(namedIn(reading, reading.source));
      if (hit) return `${name(file)} names ${chain(hit)}`;
      for (const target of reading.files) {
        if (inSrc(target)) {
          const loaded = whenLoaded(target);
          if (loaded) return loaded;
        } else if (!seen.has(target) && /\.[cm]?[jt]s$/.test(target)) {
          seen.add(target);
          todo.push(target);
        }
      }
    }
    return undefined;
  };

  return { seeds, reaching: new Set(because.keys()), chain, verdict };
}

/** A namespace import of src/ used other than as `ns.name` or `Object.keys(ns)` (passed on, indexed, spread), or undefined. */
function namespaceUsedWhole(reading: Reading, inSrc: (file: string) => boolean): string | undefined {
  const namespaces = new Set([...reading.imported].filter(([, [from, what]]) => what === '*' && inSrc(from)).map(([local]) => local));
  let found: string | undefined;
  const visit = (node: ts.Node): void => {
    if (found) return;
    if (ts.isIdentifier(node) && namespaces.has(node.text) && !ts.isNamespaceImport(node.parent)) {
      const asName = ts.isPropertyAccessExpression(node.parent) && node.parent.expression === node;
      const listed = ts.isCallExpression(node.parent) && node.parent.expression.getText() === 'Object.keys'; // names, no calls
      if (!asName && !listed) found = `the namespace ${node.text} is used as a whole (line ${lineOf(node)})`;
    }
    ts.forEachChild(node, visit);
  };
  visit(reading.source);
  return found;
}
