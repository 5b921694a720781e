module.exports = {
  devServer: { host: '0.0.0.0', port: 8080 }
};
