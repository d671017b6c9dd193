/** A TaskRun with two steps and two sidecars, as YAML, and its render. */
import * as E from 'fp-ts/Either';
import { collectObjects, InputObjects } from '../../src/input/objects';
import { parseDocuments } from '../../src/input/yaml';

export const INPUT_YAML = `
apiVersion: tekton.dev/v1alpha1
kind: TaskRun
metadata:
  name: with-sidecars
  namespace: ci
spec:
  taskSpec:
    steps:
      - name: client
        image: docker
        command: ["/bin/sh", "-c", "docker info"]
      - name: check
        image: busybox
        command: ["wget", "-q", "-O-", "http://localhost:8080"]
    sidecars:
      - name: server
        image: docker:18.05-dind
        securityContext:
          privileged: true
        resources:
          limits:
            memory: 1Gi
        volumeMounts:
          - name: dind-storage
            mountPath: /var/lib/docker
      - name: web
        image: busybox
        command: ["/bin/sh", "-c", "sleep infinity"]
    volumes:
      - name: dind-storage
        emptyDir: {}
---
apiVersion: v1
kind: ServiceAccount
metadata:
  name: default
  namespace: ci
`;

/** Objects of a YAML text, failing the test on an error. */
export function objectsOf(yaml: string): InputObjects {
  const r = E.chain((docs: unknown[]) => collectObjects(docs, (i) => `document ${i + 1}`))(parseDocuments(yaml, 'test'));
  if (E.isLeft(r)) throw new Error(r.left.message);
  return r.right;
}
