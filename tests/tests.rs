//! Native integration tests of the diagnosis core, linked as one binary (see each module).

mod native;
