// Result<T>: a value or a typed error (GCC 12 has no std::expected).
#pragma once

#include <string>
#include <utility>
#include <variant>

namespace restage {

/// Where an error points: 1-based line and column (column 0 = whole line), in bytes.
struct Position {
    int line = 0;
    int column = 0;
};

/// The kinds of error; cli/exit_codes maps each kind to an exit code.
enum class ErrorKind {
    Syntax,     ///< the input is not a Dockerfile BuildKit accepts
    Semantic,   ///< parsed, but BuildKit's typed parse rejects it
    Io,         ///< a file could not be read or written
    Usage,      ///< bad command-line arguments or configuration
    Refused,    ///< restage will not rewrite, with a reason
    Internal,   ///< a bug: an invariant did not hold
};

/// A typed error with a message (no trailing period) and an optional position.
struct Error {
    ErrorKind kind = ErrorKind::Syntax;
    std::string message;
    Position where{};
    std::string hint{};
};

/// A value or an Error.
template <typename T>
class Result {
public:
    Result(T value) : v_(std::move(value)) {}
    Result(Error error) : v_(std::move(error)) {}

    bool ok() const { return v_.index() == 0; }
    explicit operator bool() const { return ok(); }
    T& value() & { return std::get<0>(v_); }
    const T& value() const& { return std::get<0>(v_); }
    T&& value() && { return std::get<0>(std::move(v_)); }
    T& operator*() & { return value(); }
    const T& operator*() const& { return value(); }
    T* operator->() { return &value(); }
    const T* operator->() const { return &value(); }
    const Error& error() const { return std::get<1>(v_); }

private:
    std::variant<T, Error> v_;
};

/// Result for operations with no value.
struct Ok {};

}  // namespace restage
