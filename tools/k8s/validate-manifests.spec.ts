import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const script = join(__dirname, 'validate-manifests.mjs');
const validate = (...files: string[]) => spawnSync(process.execPath, [script, ...files], { encoding: 'utf8' });

describe('Kubernetes manifests under deploy/k8s', () => {
  it('are accepted by the Kubernetes API schemas: a Deployment, Service and ConfigMap per service and the issuer, Kafka, the topics Job and the nightly analytics export', () => {
    const result = validate();
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^30 Kubernetes objects valid, 0 invalid/);
  });

  it('a manifest with a wrong field type is refused, naming the object', () => {
    const dir = mkdtempSync(join(tmpdir(), 'gongzhi-k8s-'));
    const file = join(dir, 'broken.yaml');
    writeFileSync(
      file,
      [
        'apiVersion: apps/v1',
        'kind: Deployment',
        'metadata: { name: broken }',
        'spec:',
        '  replicas: two',
        '  selector: { matchLabels: { app: broken } }',
        '  template:',
        '    metadata: { labels: { app: broken } }',
        '    spec: { containers: [{ name: web, image: nginx }] }',
      ].join('\n'),
    );
    const result = validate(file);
    rmSync(dir, { recursive: true, force: true });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('Deployment/broken');
    expect(result.stderr).toMatch(/replicas/);
  });
});
