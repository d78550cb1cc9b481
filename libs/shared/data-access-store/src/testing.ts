/** Fakes and the contract suite for other projects' tests. */
export { createMemoryStore } from './memory-store.js';
export { describeStoreContract, type StoreUnderTest } from './testing/store-contract.js';
