import { greet } from "./greet.js";

document.querySelector("#count").textContent = greet("vite");
