#!/usr/bin/env node
// Checks Kubernetes manifests against the Kubernetes API schemas shipped in the kubernetes-models
// package (no cluster needed, unlike `kubectl apply --dry-run`).
//   node tools/k8s/validate-manifests.mjs [file.yaml …]   (default: deploy/k8s/*.yaml)
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseAllDocuments } from 'yaml';

const root = resolve(import.meta.dirname, '../..');
const files = process.argv.slice(2).length
  ? process.argv.slice(2)
  : readdirSync(join(root, 'deploy/k8s'))
      .filter((f) => f.endsWith('.yaml'))
      .map((f) => join(root, 'deploy/k8s', f));

let objects = 0;
const problems = [];
for (const file of files) {
  for (const document of parseAllDocuments(readFileSync(file, 'utf8'))) {
    if (document.errors.length) {
      problems.push(`${file}: YAML: ${document.errors[0].message}`);
      continue;
    }
    const object = document.toJS();
    if (!object) continue;
    const where = `${file}: ${object.kind ?? '?'}/${object.metadata?.name ?? '?'}`;
    const [group, version] = String(object.apiVersion ?? '').includes('/') ? object.apiVersion.split('/') : [null, object.apiVersion];
    let Model;
    try {
      const module = await import(group ? `kubernetes-models/${group}/${version}` : `kubernetes-models/${version}`);
      Model = module[object.kind];
    } catch {
      Model = undefined;
    }
    if (!Model) {
      problems.push(`${where}: unknown apiVersion/kind ${object.apiVersion} ${object.kind}`);
      continue;
    }
    try {
      new Model(object).validate();
      objects++;
    } catch (error) {
      problems.push(`${where}: ${error.message}`);
    }
  }
}
for (const problem of problems) console.error(problem);
console.log(`${objects} Kubernetes objects valid, ${problems.length} invalid`);
process.exit(problems.length ? 1 : 0);
