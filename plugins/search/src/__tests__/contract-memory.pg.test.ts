/** The search contract suite again, text searches answered by the in-process index (memory-index.ts). */
import "./memory-engine"
import "./contract.pg.test"

// read when the suite's module was evaluated; a later file in this worker gets the SQL engine
delete process.env.OCOP_SEARCH_CONTRACT_ENGINE
