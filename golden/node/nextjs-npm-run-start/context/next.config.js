/** @type {import('next').NextConfig} */
const nextConfig = {};

module.exports = nextConfig;
