//! Generates the items.v1 Rust module from the shared items.proto at build time (needs protoc).
fn main() -> Result<(), Box<dyn std::error::Error>> {
    tonic_prost_build::compile_protos("../items.proto")?;
    Ok(())
}
