/**
 * The reference every generation timing is divided by: a bare ts-morph walk of the same files,
 * run as its own process like the CLI (`node walk.js <tsconfig> <file…>`, or `--list <file>`).
 * It opens the project with the project's tsconfig, adds the input files, resolves their imports,
 * visits every node of every input file and asks the checker for the type of every declaration
 * and property, the least any analysis of these types must do. It prints the number of nodes.
 */
import { readFileSync } from 'node:fs';
import { Node, Project } from 'ts-morph';

const [tsconfig, ...rest] = process.argv.slice(2);
const files = rest[0] === '--list' ? readFileSync(rest[1]!, 'utf8').split('\n').filter(Boolean) : rest;
const project = new Project({ tsConfigFilePath: tsconfig!, skipAddingFilesFromTsConfig: true, compilerOptions: { skipLibCheck: true, noEmit: true } });
for (const file of files) project.addSourceFileAtPath(file);
project.resolveSourceFileDependencies();
let nodes = 0;
let types = 0;
for (const file of project.getSourceFiles(files)) {
  file.forEachDescendant((node) => {
    nodes += 1;
    if (Node.isInterfaceDeclaration(node) || Node.isTypeAliasDeclaration(node) || Node.isPropertySignature(node)) {
      types += node.getType().getText().length > 0 ? 1 : 0;
    }
  });
}
console.log(`${nodes} nodes, ${types} types`);
