//! Test harnesses shared by the integration tests. Each test binary uses
//! only some of them.
#![allow(dead_code)]

pub mod admin_app;
pub mod jargon;
pub mod knot;
pub mod lab;
pub mod netns;
pub mod orthanc;
pub mod skip;
pub mod smtp;
pub mod tmux;
