//! The items app: Loco hooks and controllers.
pub mod app;
pub mod controllers;
