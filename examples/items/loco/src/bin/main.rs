//! The app's command line, as `loco new` generates it: `cargo loco start` runs the server.
use items::app::App;
use loco_rs::cli;

#[tokio::main]
async fn main() -> loco_rs::Result<()> {
    cli::main::<App>().await
}
