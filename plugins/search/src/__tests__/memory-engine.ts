/** Imported first by contract-memory.pg.test.ts: the contract suite's provider uses the in-process index. */
process.env.OCOP_SEARCH_CONTRACT_ENGINE = "memory"
