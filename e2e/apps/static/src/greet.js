export function greet(name) {
  return `built by ${name}`;
}
