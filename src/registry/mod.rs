//! The registry's workflows, written once over any storage engine (`crate::store::engine`):
//! each change of several records is one transaction, so that it is made entirely or not at
//! all, also when the process is killed half-way. See docs/ARCHITECTURE.md.

pub mod accounts;
pub mod namespaces;
pub mod policies;
