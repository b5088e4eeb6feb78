//! Built-in datasets, written with the public insertion API.
//!
//! | function | what it holds |
//! |---|---|
//! | [`general_office`] | the General Office of the State Council of the People's Republic of China, with the history of its head post |

mod general_office;

pub use general_office::{
    GENERAL_OFFICE_SOURCE, SECRETARY_GENERAL_SOURCE, STATE_COUNCIL_SOURCE, XIAO_JIE_SOURCE,
    general_office,
};
