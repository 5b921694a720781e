/**
 * tree-sitter grammar for Dockerfiles, read as BuildKit reads them.
 *
 * The escape character is chosen by a parser directive (`# escape=\`` or `\`), so
 * every token whose extent depends on it (line continuations, words, flags, shell
 * text, JSON detection, heredocs) is produced by src/scanner.c, which keeps the
 * escape character and the pending heredocs in its state. The rules here give the
 * structure and the field names that restage's model reads.
 */

// A case-insensitive keyword, e.g. ci('from') matches FROM, from, From.
const ci = (word) =>
  new RegExp(word.split('').map((c) => `[${c.toLowerCase()}${c.toUpperCase()}]`).join(''));

const INSTRUCTIONS = [
  'from', 'run', 'cmd', 'label', 'maintainer', 'expose', 'env', 'add', 'copy',
  'entrypoint', 'volume', 'user', 'workdir', 'arg', 'onbuild', 'stopsignal',
  'healthcheck', 'shell',
];

// Instructions ONBUILD may wrap (BuildKit refuses ONBUILD ONBUILD, FROM and MAINTAINER
// at its typed level, but its parser accepts them; so does this grammar).
const ONBUILD_TARGETS = INSTRUCTIONS;

// The heredoc-capable instructions (BuildKit: ADD, COPY, RUN in shell form).
const HEREDOC_INSTRUCTIONS = new Set(['run', 'copy', 'add']);

module.exports = grammar({
  name: 'dockerfile',

  externals: ($) => [
    $.directive,
    $.line_continuation,
    $._eol,
    $.flag,
    $._word,
    $._word_cont,
    $.as_keyword,
    $._pair_key,
    $._name,
    $._pair_value,
    $._text,
    $.heredoc_marker,
    $.heredoc_body,
    $.heredoc_end,
    $._json_yes,
    $._json_no,
    $._unknown_keyword,
    $._error_sentinel,
  ],

  // Blank lines are extras; a newline that ends an instruction is the scanner's _eol.
  extras: ($) => [/[ \t\r\f\v\n]/, $.line_continuation],

  rules: {
    // tree-sitter's lexer skips a leading byte-order mark itself, as BuildKit discards it.
    source_file: ($) =>
      seq(
        repeat(seq($.directive, $._eol)),
        repeat(choice($.comment, $._instruction)),
      ),

    comment: (_) => /#[^\r\n]*/,

    _instruction: ($) =>
      choice(...INSTRUCTIONS.map((name) => $[`${name}_instruction`]), $.unknown_instruction),

    // Every instruction is defined once as a body (keyword and arguments) and used
    // twice: at the top, followed by its end of line and heredoc bodies, and inside
    // ONBUILD, where the wrapping instruction owns the end of line.
    ...Object.fromEntries(
      INSTRUCTIONS.map((name) => [
        `${name}_instruction`,
        ($) =>
          seq(
            $[`_${name}_body`],
            $._eol,
            ...(HEREDOC_INSTRUCTIONS.has(name) || name === 'onbuild'
              ? [repeat(field('heredoc', $.heredoc))]
              : []),
          ),
      ]),
    ),

    unknown_instruction: ($) =>
      seq(field('keyword', alias($._unknown_keyword, $.keyword)), optional(field('arguments', $.text)), $._eol),

    _from_body: ($) =>
      seq(
        keyword('from'),
        repeat($.flag),
        optional(
          seq(
            field('image', $.word),
            optional(
              choice(
                seq(field('as', $.as_keyword), optional(seq(field('name', $.word), repeat(field('argument', $.word))))),
                repeat1(field('argument', $.word)),
              ),
            ),
          ),
        ),
      ),

    _run_body: ($) => seq(keyword('run'), repeat($.flag), optional(field('command', $._command))),
    _cmd_body: ($) => seq(keyword('cmd'), repeat($.flag), optional(field('command', $._plain_command))),
    _entrypoint_body: ($) =>
      seq(keyword('entrypoint'), repeat($.flag), optional(field('command', $._plain_command))),
    _shell_body: ($) => seq(keyword('shell'), repeat($.flag), optional(field('command', $._plain_command))),

    _label_body: ($) => seq(keyword('label'), repeat($.flag), optional($._pairs)),
    _env_body: ($) => seq(keyword('env'), repeat($.flag), optional($._pairs)),
    _arg_body: ($) => seq(keyword('arg'), repeat($.flag), repeat(field('argument', $.arg_declaration))),

    _maintainer_body: ($) => seq(keyword('maintainer'), repeat($.flag), optional(field('value', $.text))),
    _user_body: ($) => seq(keyword('user'), repeat($.flag), optional(field('value', $.text))),
    _workdir_body: ($) => seq(keyword('workdir'), repeat($.flag), optional(field('value', $.text))),
    _stopsignal_body: ($) => seq(keyword('stopsignal'), repeat($.flag), optional(field('value', $.text))),

    _expose_body: ($) => seq(keyword('expose'), repeat($.flag), repeat(field('port', $.word))),
    _volume_body: ($) =>
      seq(
        keyword('volume'),
        repeat($.flag),
        optional(choice(seq($._json_yes, field('paths', $.json_array)), seq(optional($._json_no), repeat1(field('path', $.word))))),
      ),

    _add_body: ($) => seq(keyword('add'), repeat($.flag), optional($._paths)),
    _copy_body: ($) => seq(keyword('copy'), repeat($.flag), optional($._paths)),

    _healthcheck_body: ($) =>
      seq(
        keyword('healthcheck'),
        repeat($.flag),
        optional(seq(field('type', $.word), optional(field('command', $._plain_command)))),
      ),

    _onbuild_body: ($) =>
      seq(
        keyword('onbuild'),
        repeat($.flag),
        optional(
          field(
            'instruction',
            choice(
              ...ONBUILD_TARGETS.map((name) => alias($[`_${name}_body`], $[`${name}_instruction`])),
              alias($._onbuild_unknown, $.unknown_instruction),
            ),
          ),
        ),
      ),

    _onbuild_unknown: ($) =>
      seq(field('keyword', alias($._unknown_keyword, $.keyword)), optional(field('arguments', $.text))),

    // Arguments.
    _command: ($) => choice(seq($._json_yes, $.json_array), seq(optional($._json_no), $.shell_command)),
    _plain_command: ($) =>
      choice(seq($._json_yes, $.json_array), seq(optional($._json_no), alias($._plain_shell_command, $.shell_command))),

    // Shell form: the text as written; heredoc markers only where BuildKit looks for them.
    shell_command: ($) => repeat1(choice(alias($._text, $.shell_fragment), $.heredoc_marker)),
    _plain_shell_command: ($) => repeat1(alias($._text, $.shell_fragment)),

    // Raw text to the end of the logical line (USER, WORKDIR, legacy ENV values, ...).
    text: ($) => repeat1(alias($._text, $.text_fragment)),

    // A whitespace-delimited word; a continuation with no blank before it glues pieces.
    word: ($) => seq($._word, repeat($._word_cont)),

    _paths: ($) =>
      choice(
        seq($._json_yes, field('paths', $.json_array)),
        seq(optional($._json_no), repeat1(choice(field('path', $.word), field('heredoc_marker', $.heredoc_marker)))),
      ),

    // ENV and LABEL: `k=v k2=v2` pairs, or the legacy `KEY value with spaces`.
    _pairs: ($) =>
      choice(
        repeat1(field('pair', $.pair)),
        field('pair', alias($._legacy_pair, $.pair)),
      ),
    pair: ($) => seq(field('key', alias($._pair_key, $.key)), token.immediate('='), optional(field('value', $.value))),
    value: ($) => repeat1($._pair_value),
    _legacy_pair: ($) => seq(field('key', alias($._name, $.key)), optional(field('value', $.text))),

    // ARG: `NAME` or `NAME=default`.
    arg_declaration: ($) =>
      choice(
        field('name', alias($._name, $.key)),
        seq(field('name', alias($._pair_key, $.key)), token.immediate('='), optional(field('default', $.value))),
      ),

    // JSON (exec) form: before a `[`, the scanner's zero-width _json_yes or _json_no says
    // whether the rest of the logical line is a JSON array of strings, as BuildKit decides.
    json_array: ($) =>
      seq(
        '[',
        optional(seq($.json_string, repeat(seq(',', $.json_string)))),
        ']',
      ),
    json_string: (_) => /"([^"\\\x00-\x1f]|\\(["\\\/bfnrt]|u[0-9a-fA-F]{4}))*"/,

    // The lines after an instruction, up to the delimiter line.
    heredoc: ($) => seq(optional(field('body', $.heredoc_body)), field('end', $.heredoc_end), $._eol),
  },
});

function keyword(name) {
  return field('keyword', alias(ci(name), $keyword()));
}

// alias() needs a rule reference for a named node; this returns the `keyword` symbol lazily.
function $keyword() {
  return { type: 'SYMBOL', name: 'keyword' };
}
