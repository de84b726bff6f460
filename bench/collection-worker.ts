/// <reference types="node" />
import { measureCollection } from './measure-collection.ts';

// Each collection is measured in a process of its own (forked by run.ts), so one size's heap
// and JIT state never colour another's numbers.
const [size = '0', queries = '300'] = process.argv.slice(2);
const result = await measureCollection(Number(size), Number(queries));
process.send?.(result, () => process.exit(0));
