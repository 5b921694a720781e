module.exports = {
  apps: [{ name: 'dashboard', script: './index.js', instances: 2 }]
};
