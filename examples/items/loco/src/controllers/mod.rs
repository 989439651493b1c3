//! The app's controllers.
pub mod items;
