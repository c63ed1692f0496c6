pub mod compose;
pub mod restart;
pub mod verify;
