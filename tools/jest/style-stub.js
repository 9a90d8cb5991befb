// Stylesheets mean nothing in jsdom: components import them, tests get an empty module.
module.exports = {};
